namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// How a photo is cleaned up before OCR. Every image is auto-oriented and made grayscale; the rest are choices
/// measured on the two corpus whiteboards and their smaller, skewed and photo-like variants
/// (<c>bench/OcrBench --compare</c>), and the defaults are the best measured: 175 of 184 labels read, against 130
/// for grayscale alone.
/// </summary>
public sealed record PreprocessingOptions
{
    /// <summary>
    /// Images narrower than this are enlarged ×<see cref="UpscaleFactor"/> (0 turns it off): Tesseract loses letters
    /// in small text. A 900 px wide copy of the boards read 43 labels of 46 enlarged, 35 as it was.
    /// </summary>
    public int UpscaleBelowWidth { get; init; } = 1500;

    public int UpscaleFactor { get; init; } = 2;

    /// <summary>
    /// When the board is lit unevenly (glare, a shadow, light falling off to one side), divides the photo by an
    /// estimate of its lighting so the board comes out evenly white: Tesseract's own global threshold loses the
    /// labels on the dark side otherwise. An evenly lit board is left alone.
    /// </summary>
    public bool FlattenLighting { get; init; } = true;

    /// <summary>Stretches the gray levels to the full range: a whiteboard photo is grey ink on a grey board.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>
    /// Straightens a photo taken at a slant, so Tesseract sees level lines: the corpus boards lean ~1.2° and read 46
    /// labels straightened vs 44; turned 4°, 44 vs 40.
    /// </summary>
    public bool Deskew { get; init; } = true;

    /// <summary>A measured slant smaller than this (degrees) is left alone: rotating costs sharpness. Not tuned.</summary>
    public double MinDeskewDegrees { get; init; } = 0.5;

    /// <summary>
    /// None: Tesseract's own thresholding of the cleaned gray image did best. Otsu beforehand read 155 labels of 184
    /// and a local threshold 71, against 175.
    /// </summary>
    public Binarization Binarization { get; init; } = Binarization.None;
}

/// <summary>Whether the image is reduced to black and white before OCR (Tesseract also binarizes internally).</summary>
public enum Binarization
{
    None,

    /// <summary>One threshold for the whole image, chosen by Otsu's method.</summary>
    Otsu,

    /// <summary>A threshold per neighbourhood, for boards lit unevenly (glare on one side).</summary>
    Local,
}
