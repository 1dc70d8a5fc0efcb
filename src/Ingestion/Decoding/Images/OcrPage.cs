namespace Vigil.Ingestion.Decoding.Images;

/// <summary>What an OCR engine read on one image: lines of words, in reading order.</summary>
public sealed record OcrPage(IReadOnlyList<OcrLine> Lines)
{
    public static readonly OcrPage Empty = new([]);

    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l.Words);
}

/// <summary>Words the engine grouped on one line — on a whiteboard, usually one label or one arrow caption.</summary>
public sealed record OcrLine(IReadOnlyList<OcrWord> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    /// <summary>Mean word confidence, 0-100.</summary>
    public double Confidence => Words.Count == 0 ? 0 : Words.Average(w => w.Confidence);

    public PixelBox Box => PixelBoxes.Union(Words.Select(w => w.Box));
}

/// <param name="Confidence">The engine's confidence, 0-100.</param>
public sealed record OcrWord(string Text, double Confidence, PixelBox Box);
