namespace Vigil.Ingestion.Decoding;

/// <summary>A piece of decoded text and exactly where it came from, so every fact can point back to it.</summary>
public sealed record Segment(string Text, SegmentOrigin Origin);

/// <summary>
/// Provenance of a segment: the source (message or file), and where inside it — a PDF page, a span of a voice note,
/// a box on a whiteboard photo with the OCR engine's confidence.
/// </summary>
public sealed record SegmentOrigin(
    string Source,
    int? Page = null,
    TimeSpan? Start = null,
    TimeSpan? End = null,
    PixelBox? Box = null,
    double? Confidence = null);

/// <summary>A rectangle on an image, in pixels of the original image.</summary>
public readonly record struct PixelBox(int Left, int Top, int Width, int Height);
