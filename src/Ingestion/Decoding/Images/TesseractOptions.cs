namespace Vigil.Ingestion.Decoding.Images;

/// <summary>How <see cref="TesseractOcrEngine"/> runs the <c>tesseract</c> tool.</summary>
public sealed record TesseractOptions
{
    /// <summary>The executable; a bare name is looked up on PATH.</summary>
    public string ExecutablePath { get; init; } = "tesseract";

    public string Language { get; init; } = "eng";

    /// <summary>
    /// 11 (sparse text) reads scattered whiteboard labels best, because boxes and arrows are not columns of prose:
    /// after preprocessing it read all 46 labels of the two corpus whiteboards where 3 (automatic layout) read 41,
    /// and 175 vs 158 of 184 with their smaller, skewed and photo-like variants (bench/OcrBench --compare).
    /// </summary>
    public int PageSegmentationMode { get; init; } = 11;
}
