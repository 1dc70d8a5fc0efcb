using System.Globalization;
using ImageMagick;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// The image's size as its header states it, read without decoding a pixel, so a decompression bomb (a few KB
/// that inflate to gigabytes) is refused before it costs anything.
/// </summary>
internal static class ImageHeader
{
    public static ImageSize Read(DecodeRequest request)
    {
        try
        {
            using var image = new MagickImage();
            image.Ping(request.Bytes.Span, MagickReading.Settings(request.Type));
            return new ImageSize((int)image.Width, (int)image.Height);
        }
        catch (MagickException e)
        {
            throw new UnreadableContentException($"image is truncated or corrupt: {MagickReading.Reason(e)}", e);
        }
    }

    public static void EnsureWithin(ImageSize size, DecodeLimits limits)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new UnreadableContentException($"image is truncated or corrupt: its header gives a size of {size.Width}×{size.Height} pixels");
        }

        if (size.Pixels > limits.MaxImagePixels)
        {
            throw new UnreadableContentException(
                $"image is {size.Width}×{size.Height} pixels ({Megapixels(size.Pixels)} megapixels), above the {Megapixels(limits.MaxImagePixels)} megapixel limit (Ingestion:MaxImagePixels)");
        }
    }

    private static string Megapixels(long pixels) => (pixels / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture);
}

internal readonly record struct ImageSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
