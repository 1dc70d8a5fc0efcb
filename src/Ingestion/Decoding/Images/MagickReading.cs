using ImageMagick;
using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>How every image is handed to ImageMagick: as the format its bytes were sniffed as, first frame only.</summary>
internal static class MagickReading
{
    /// <summary>
    /// Naming the format stops ImageMagick from guessing one itself: its guess can pick coders that read other
    /// files or run programs (MVG, SVG, PostScript), which an upload must never reach.
    /// </summary>
    public static MagickReadSettings Settings(ContentType type) => new()
    {
        Format = Format(type),
        FrameIndex = 0,
        FrameCount = 1,
    };

    private static MagickFormat Format(ContentType type) => type.MediaType switch
    {
        "image/png" => MagickFormat.Png,
        "image/jpeg" => MagickFormat.Jpeg,
        "image/gif" => MagickFormat.Gif,
        "image/webp" => MagickFormat.WebP,
        "image/bmp" => MagickFormat.Bmp,
        "image/tiff" => MagickFormat.Tiff,
        _ => throw new UnreadableContentException($"{type.MediaType} images are not read"),
    };

    /// <summary>
    /// ImageMagick's message without its source location, e.g. <c>UnexpectedEndOfFile `' @ error/png.c/...</c>
    /// becomes "unexpected end of file".
    /// </summary>
    public static string Reason(MagickException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOfAny(['`', '@']);
        var reason = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd(':').Trim();
        if (reason.Length == 0)
        {
            return "the image data cannot be decoded";
        }

        return reason.Contains(' ', StringComparison.Ordinal) ? reason : Words(reason);
    }

    // ImageMagick's own reasons are CamelCase tags ("InsufficientImageDataInFile").
    private static string Words(string tag) =>
        string.Concat(tag.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
