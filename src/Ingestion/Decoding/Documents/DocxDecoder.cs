using System.IO.Compression;
using System.Runtime.InteropServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Documents;

/// <summary>
/// Word documents: one segment per non-empty paragraph (headings included) and one per table row, in document order.
/// A DOCX is a zip, so before the Open XML SDK touches it the central directory is checked for a zip bomb, and the
/// main document is then streamed through a counter that stops at the expansion limit whatever the zip declared.
/// </summary>
public sealed class DocxDecoder : IContentDecoder
{
    private const string NotWord = "the file is a zip archive but not a Word document";

    public bool Supports(ContentType type) => type.Family == ContentFamily.Docx;

    public Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken)
    {
        var limit = request.Limits.MaxDocxExpandedBytes;
        using (var zip = OpenZip(request.Bytes))
        {
            ZipExpansionCheck.Check(zip, limit);

            // Every Office (OPC) package has one; without it the SDK's error would only say "corrupted".
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                throw new UnreadableContentException(NotWord);
            }
        }

        var segments = new List<Segment>();
        foreach (var text in Blocks(request.Bytes, limit, cancellationToken))
        {
            segments.Add(new Segment(text, new SegmentOrigin(request.Source)));
        }

        if (segments.Count == 0)
        {
            throw new UnreadableContentException("the Word document holds no text");
        }

        return Task.FromResult(DecodeResult.Document(segments));
    }

    private static List<string> Blocks(ReadOnlyMemory<byte> bytes, long limit, CancellationToken cancellationToken)
    {
        var overLimit = $"DOCX main document inflates past the {ZipExpansionCheck.Megabytes(limit)} MB limit although the zip declares less (Ingestion:MaxDocxExpandedBytes)";
        ExpansionBudgetStream? budget = null;
        try
        {
            using var document = WordprocessingDocument.Open(AsStream(bytes), isEditable: false);
            var main = document.MainDocumentPart;

            // The SDK hands any package's main part out as a "main document part", a workbook's included.
            if (main is null || !main.ContentType.Contains(".wordprocessingml.", StringComparison.OrdinalIgnoreCase))
            {
                throw new UnreadableContentException(NotWord);
            }

            // System.IO.Compression (.NET 10) already stops an entry at its declared size, which the central directory
            // check bounded; this counter does not rely on that staying true.
            budget = new ExpansionBudgetStream(main.GetStream(FileMode.Open, FileAccess.Read), limit, overLimit);
            using var reader = new OpenXmlPartReader(budget, main.Features, new OpenXmlPartReaderOptions { CloseStream = true });
            return Read(reader, cancellationToken);
        }
        catch (Exception e) when (budget is { Exceeded: true } && e is not OperationCanceledException)
        {
            // The XML reader may wrap the stream's refusal; the reason is the limit either way.
            throw new UnreadableContentException(overLimit, e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or UnreadableContentException or OutOfMemoryException))
        {
            // The SDK and System.IO.Packaging fail on broken input with many exception types; all mean "unreadable".
            throw new UnreadableContentException($"the DOCX is damaged and cannot be read ({e.Message.TrimEnd('.', ' ')})", e);
        }
    }

    // Streams the body: only one paragraph or table is in memory at a time, not the whole document tree.
    private static List<string> Read(OpenXmlReader reader, CancellationToken cancellationToken)
    {
        var blocks = new List<string>();
        var more = reader.Read();
        while (more)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.IsStartElement && (reader.ElementType == typeof(W.Paragraph) || reader.ElementType == typeof(W.Table)))
            {
                switch (reader.LoadCurrentElement())
                {
                    case W.Paragraph paragraph:
                        blocks.Add(DocxBlocks.TextOf(paragraph));
                        break;
                    case W.Table table:
                        blocks.AddRange(DocxBlocks.Rows(table));
                        break;
                }

                // Loading moved the reader past the element, onto the next node: reading again would skip it.
                more = !reader.EOF;
                continue;
            }

            more = reader.Read();
        }

        return blocks.Where(block => !string.IsNullOrWhiteSpace(block)).ToList();
    }

    private static ZipArchive OpenZip(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return new ZipArchive(AsStream(bytes), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableContentException($"the DOCX is damaged: it is not a complete zip archive (truncated?): {e.Message.TrimEnd('.', ' ')}", e);
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
