namespace Vigil.Ingestion.Decoding.Images;

internal static class PixelBoxes
{
    public static PixelBox Union(IEnumerable<PixelBox> boxes)
    {
        int left = int.MaxValue, top = int.MaxValue, right = int.MinValue, bottom = int.MinValue;
        foreach (var box in boxes)
        {
            left = Math.Min(left, box.Left);
            top = Math.Min(top, box.Top);
            right = Math.Max(right, box.Left + box.Width);
            bottom = Math.Max(bottom, box.Top + box.Height);
        }

        return left == int.MaxValue ? default : new PixelBox(left, top, right - left, bottom - top);
    }

    /// <summary>The smallest box holding the given corners, cut to the image: mapping can push a corner just outside.</summary>
    public static PixelBox Enclosing(IEnumerable<(double X, double Y)> corners, int imageWidth, int imageHeight)
    {
        var points = corners.ToList();
        var left = Math.Clamp((int)Math.Floor(points.Min(p => p.X)), 0, imageWidth);
        var top = Math.Clamp((int)Math.Floor(points.Min(p => p.Y)), 0, imageHeight);
        var right = Math.Clamp((int)Math.Ceiling(points.Max(p => p.X)), 0, imageWidth);
        var bottom = Math.Clamp((int)Math.Ceiling(points.Max(p => p.Y)), 0, imageHeight);
        return new PixelBox(left, top, right - left, bottom - top);
    }
}
