using ImageMagick;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Straightens a photo taken at a slant, so Tesseract sees level lines of text. Measuring the slant needs no fine
/// detail, so it runs on a copy at most 800 px wide; the rotation, the costly part (~300 ms for a 1600×1000 board on
/// one core), then runs once on the full image, and only when the slant is worth it.
/// </summary>
internal static class Slant
{
    private const uint ProbeWidth = 800;

    // ImageMagick's deskew threshold: how dark a pixel must be to count as ink when measuring the slant.
    private static readonly Percentage DeskewThreshold = new(40);

    /// <returns>The degrees the image was turned clockwise, 0 when it was left alone.</returns>
    public static double Straighten(MagickImage image, double minDegrees)
    {
        double degrees;
        using (var probe = (MagickImage)image.Clone())
        {
            if (probe.Width > ProbeWidth)
            {
                // Nearest-neighbour keeps strokes crisp: its angle matched the full-size one on both corpus boards
                // (1.29° and -1.06° vs -1.09°); a smoothing resize was 0.05° off and cost a label.
                probe.FilterType = FilterType.Point;
                probe.Resize(ProbeWidth, 0);
            }

            degrees = probe.Deskew(DeskewThreshold);
        }

        if (Math.Abs(degrees) < minDegrees)
        {
            return 0;
        }

        image.BackgroundColor = MagickColors.White;
        image.Rotate(degrees);
        image.ResetPage();
        return degrees;
    }
}
