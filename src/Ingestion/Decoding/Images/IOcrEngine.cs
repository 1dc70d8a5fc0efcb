namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Reads the text on an image file. An engine is a backend (Tesseract today), so the decoder can be tested and the
/// engine swapped without touching how images are prepared or turned into segments.
/// </summary>
public interface IOcrEngine
{
    /// <summary>Recognizes the words on the image at <paramref name="imagePath"/>, in that image's pixels.</summary>
    Task<OcrPage> RecognizeAsync(string imagePath, CancellationToken cancellationToken);
}
