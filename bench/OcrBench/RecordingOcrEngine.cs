using System.Diagnostics;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Bench.Ocr;

/// <summary>
/// Keeps the last page the engine read, so the bench can look at words the decoder filtered out, and the time spent
/// in the engine, so a decode's time splits into preprocessing and OCR.
/// </summary>
internal sealed class RecordingOcrEngine(IOcrEngine inner) : IOcrEngine
{
    public OcrPage Last { get; private set; } = OcrPage.Empty;

    public TimeSpan LastElapsed { get; private set; }

    public async Task<OcrPage> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Last = await inner.RecognizeAsync(imagePath, cancellationToken);
        LastElapsed = watch.Elapsed;
        return Last;
    }
}
