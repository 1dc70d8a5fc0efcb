using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Documents;

/// <summary>
/// PDF text, one segment per paragraph block of each page, every segment carrying its page number. The page count is
/// checked before any page is read, and cancellation is honoured between pages.
/// </summary>
public sealed class PdfDecoder : IContentDecoder
{
    // Missing fonts cost a page its glyph widths, not the whole document its text.
    private static readonly ParsingOptions Parsing = new() { UseLenientParsing = true, SkipMissingFonts = true };

    public bool Supports(ContentType type) => type.Family == ContentFamily.Pdf;

    public Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken)
    {
        using var document = Read(() => PdfDocument.Open(request.Bytes, Parsing));
        var pageCount = Read(() => document.NumberOfPages);
        var limit = request.Limits.MaxPdfPages;
        if (pageCount > limit)
        {
            throw new UnreadableContentException($"PDF has {pageCount} pages, above the {limit} page limit (Ingestion:MaxPdfPages)");
        }

        var segments = new List<Segment>();
        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var block in Read(() => PdfPageText.Blocks(document.GetPage(number))))
            {
                segments.Add(new Segment(block, new SegmentOrigin(request.Source, Page: number)));
            }
        }

        if (segments.Count == 0)
        {
            throw new UnreadableContentException("the PDF has no text layer (a scan or an image export?); Vigil does not read text from images inside PDFs");
        }

        return Task.FromResult(DecodeResult.Document(segments));
    }

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PdfDocumentEncryptedException)
        {
            // Raised only when the document cannot be decrypted without a password. A PDF encrypted with an empty
            // user password (permissions only, common from office suites) opens and is read like any other.
            throw new UnreadableContentException("the PDF is protected by a password; share a copy without the password");
        }
        catch (Exception e) when (IsParserFailure(e))
        {
            throw new UnreadableContentException($"the PDF is damaged and cannot be read ({e.Message.TrimEnd('.', ' ')})", e);
        }
    }

    // A parser fed hostile bytes fails in many ways (format, index, cast, null, overflow); all of them mean "this
    // file cannot be read". Cancellation and our own refusals pass through.
    private static bool IsParserFailure(Exception e) =>
        e is not (OperationCanceledException or UnreadableContentException or OutOfMemoryException);
}
