namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Drops what OCR reads into the board's texture, arrows and smudges: words below a confidence floor, and lines
/// left with no letter or digit (a lone "|" from a box edge).
/// </summary>
public sealed record LegibleText
{
    /// <summary>
    /// Measured with bench/OcrBench --compare: on raw grayscale photos, 40 cut the noise lines from 43 to 10 for one
    /// label of 131; on preprocessed ones every floor up to 50 kept all 175 labels read and 60 lost one. 40 leaves
    /// that margin, since on earlier preprocessing variants 50 already cost a label.
    /// </summary>
    public double MinWordConfidence { get; init; } = 40;

    public IReadOnlyList<OcrLine> Lines(OcrPage page) => page.Lines
        .Select(line => new OcrLine(line.Words.Where(w => w.Confidence >= MinWordConfidence).ToList()))
        .Where(line => line.Words.Any(w => w.Text.Any(char.IsLetterOrDigit)))
        .ToList();
}
