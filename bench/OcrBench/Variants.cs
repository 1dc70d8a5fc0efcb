using ImageMagick;

namespace Vigil.Bench.Ocr;

/// <summary>
/// The corpus whiteboards are clean and level; real uploads are not. Each variant makes one thing worse, so a
/// preprocessing step is judged on the problem it exists for.
/// </summary>
internal static class Variants
{
    public static IEnumerable<(string Name, byte[] Png)> Of(byte[] png)
    {
        yield return ("as-is", png);
        yield return ("small", Transform(png, i => i.Resize(900, 0)));
        yield return ("skewed-4deg", Transform(png, i => i.Rotate(4)));
        yield return ("photo", Transform(png, Photo));
    }

    // A phone photo: slight slant, soft focus, sensor noise and light falling off towards one side.
    private static void Photo(MagickImage image)
    {
        image.BackgroundColor = new MagickColor("#d8d8d8");
        image.Rotate(-2.5);
        image.Blur(0, 1.1);
        MagickNET.SetRandomSeed(42); // the same noise every run, so runs compare
        image.AddNoise(NoiseType.Gaussian, 0.6);
        using var light = new MagickImage("gradient:white-#8a8a8a", image.Width, image.Height);
        light.Rotate(90);
        light.Resize(new MagickGeometry(image.Width, image.Height) { IgnoreAspectRatio = true });
        image.Composite(light, CompositeOperator.Multiply);
    }

    private static byte[] Transform(byte[] png, Action<MagickImage> change)
    {
        using var image = new MagickImage(png);
        change(image);
        image.ResetPage();
        return image.ToByteArray(MagickFormat.Png);
    }
}
