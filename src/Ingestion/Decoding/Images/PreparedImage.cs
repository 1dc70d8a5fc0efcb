namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// The cleaned-up copy of a photo that OCR reads, as a temporary file deleted on dispose, and the way back from
/// its pixels to the photo's: undo the enlargement, then the deskew rotation.
/// </summary>
/// <param name="original">The photo as it is viewed (after its EXIF orientation).</param>
/// <param name="deskewDegrees">How far the photo was turned clockwise; the canvas grew to <paramref name="straightened"/>.</param>
/// <param name="scale">How much the straightened photo was then enlarged.</param>
internal sealed class PreparedImage(string path, ImageSize original, double deskewDegrees, ImageSize straightened, double scale) : IDisposable
{
    public string Path => path;

    /// <summary>
    /// A box on the prepared copy, in pixels of the photo as it is viewed (after its EXIF orientation), cut to it.
    /// </summary>
    public PixelBox ToOriginal(PixelBox box)
    {
        (double X, double Y)[] corners =
        [
            (box.Left, box.Top),
            (box.Left + box.Width, box.Top),
            (box.Left, box.Top + box.Height),
            (box.Left + box.Width, box.Top + box.Height),
        ];
        return PixelBoxes.Enclosing(corners.Select(p => Unrotate((p.X / scale, p.Y / scale))), original.Width, original.Height);
    }

    // ImageMagick rotates about the centre and grows the canvas to fit; positive degrees turn clockwise on screen
    // (y points down). Undoing it turns the other way about the straightened centre and lands on the original one.
    private (double X, double Y) Unrotate((double X, double Y) point)
    {
        if (deskewDegrees == 0)
        {
            return point;
        }

        var radians = -deskewDegrees * Math.PI / 180;
        var (dx, dy) = (point.X - (straightened.Width / 2.0), point.Y - (straightened.Height / 2.0));
        return (
            (dx * Math.Cos(radians)) - (dy * Math.Sin(radians)) + (original.Width / 2.0),
            (dx * Math.Sin(radians)) + (dy * Math.Cos(radians)) + (original.Height / 2.0));
    }

    public void Dispose()
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a file left in the temp folder is not worth failing a decode that succeeded.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
