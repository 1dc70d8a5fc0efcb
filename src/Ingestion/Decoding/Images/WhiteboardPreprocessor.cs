using ImageMagick;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Turns a whiteboard photo into what Tesseract reads best (see <see cref="PreprocessingOptions"/>) and writes it to
/// a private temporary file. Runs after the header check, so the image is known to be within the pixel limit.
/// </summary>
internal static class WhiteboardPreprocessor
{
    public static PreparedImage Prepare(DecodeRequest request, PreprocessingOptions options, CancellationToken cancellationToken)
    {
        var image = Read(request);
        try
        {
            image.AutoOrient();
            var original = Size(image);
            LayOnWhite(image);
            image.Grayscale();
            if (options.FlattenLighting)
            {
                UnevenLighting.Flatten(image);
            }

            if (options.Normalize)
            {
                image.Normalize();
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Straightened before enlarging: the slant is measured on the photo's own pixels, not on interpolated
            // ones (measured after a ×2 enlargement it was off enough to cost 2 labels of 46), and turning the
            // smaller image is cheaper.
            var degrees = options.Deskew ? Slant.Straighten(image, options.MinDeskewDegrees) : 0;
            var straightened = Size(image);

            cancellationToken.ThrowIfCancellationRequested();
            var scale = ScaleFor(straightened, options, request.Limits);
            if (scale > 1)
            {
                image.Resize((uint)(straightened.Width * scale), (uint)(straightened.Height * scale));
            }

            cancellationToken.ThrowIfCancellationRequested();
            Binarize(image, options.Binarization);
            var path = WritePrivate(image);
            return new PreparedImage(path, original, degrees, straightened, scale);
        }
        catch (MagickException e)
        {
            throw Unreadable(e);
        }
        finally
        {
            image.Dispose();
        }
    }

    private static MagickImage Read(DecodeRequest request)
    {
        var image = new MagickImage();
        try
        {
            image.Read(request.Bytes.Span, MagickReading.Settings(request.Type));
            return image;
        }
        catch (MagickException e)
        {
            image.Dispose();
            throw Unreadable(e);
        }
    }

    private static UnreadableContentException Unreadable(MagickException e) => e is MagickResourceLimitErrorException
        ? new UnreadableContentException($"image needs more memory to decode than its size allows (its header may lie): {MagickReading.Reason(e)}", e)
        : new UnreadableContentException($"image is truncated or corrupt: {MagickReading.Reason(e)}", e);

    // A diagram exported with a transparent background often hides black under the transparency, and OCR sees no
    // transparency: it would read black ink on a black board.
    private static void LayOnWhite(MagickImage image)
    {
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
        }
    }

    // Small text is where Tesseract loses letters; enlarging helps it, but never past the pixel limit.
    private static double ScaleFor(ImageSize size, PreprocessingOptions options, DecodeLimits limits)
    {
        var factor = options.UpscaleFactor;
        return factor > 1 && size.Width < options.UpscaleBelowWidth && size.Pixels * factor * factor <= limits.MaxImagePixels ? factor : 1;
    }

    private static void Binarize(MagickImage image, Binarization binarization)
    {
        switch (binarization)
        {
            case Binarization.Otsu:
                image.AutoThreshold(AutoThresholdMethod.OTSU);
                break;
            case Binarization.Local:
                // A 25-pixel neighbourhood spans a handwritten letter; the 5% offset keeps the board's grain white.
                image.AdaptiveThreshold(25, 25, new Percentage(5));
                break;
            case Binarization.None:
                break;
        }
    }

    // Whiteboards hold hostnames and, as often as not, a password: the copy is readable by this user only. It is an
    // uncompressed PGM, which Tesseract reads as well as a PNG: writing a PNG cost ~600 ms of zlib per board.
    private static string WritePrivate(MagickImage image)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-ocr-{Guid.NewGuid():N}.pgm");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(path, options);

            // A 1-bit source (a scan, a flat drawing) would otherwise be written with maxval 1, which Leptonica refuses.
            image.Depth = 8;
            image.Write(file, MagickFormat.Pgm);
            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static ImageSize Size(MagickImage image) => new((int)image.Width, (int)image.Height);
}
