using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Photos and screenshots of whiteboards and diagrams: the header is checked against the pixel limit, the image is
/// cleaned up for OCR, and each line OCR reads becomes a segment that keeps its box on the original image and its
/// confidence, so a fact drawn from a label can point at where it was written.
/// </summary>
public sealed class ImageDecoder(IOcrEngine ocr, PreprocessingOptions preprocessing, LegibleText legible) : IContentDecoder
{
    public const string NothingLegibleNote = "no legible text was found in the image";

    public ImageDecoder(IOcrEngine ocr)
        : this(ocr, new PreprocessingOptions(), new LegibleText())
    {
    }

    public bool Supports(ContentType type) => type.Family == ContentFamily.Image;

    public async Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MagickResources.EnsureWithin(request.Limits);
        ImageHeader.EnsureWithin(ImageHeader.Read(request), request.Limits);

        using var prepared = WhiteboardPreprocessor.Prepare(request, preprocessing, cancellationToken);
        var page = await ocr.RecognizeAsync(prepared.Path, cancellationToken).ConfigureAwait(false);

        var segments = legible.Lines(page)
            .Select(line => new Segment(line.Text, new SegmentOrigin(request.Source, Box: prepared.ToOriginal(line.Box), Confidence: Math.Round(line.Confidence, 1))))
            .ToList();
        var result = DecodeResult.Document(segments);
        return segments.Count == 0 ? result with { Note = NothingLegibleNote } : result;
    }
}
