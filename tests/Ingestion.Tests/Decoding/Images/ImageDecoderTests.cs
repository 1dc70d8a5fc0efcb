using ImageMagick;
using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Ingestion.Tests.Decoding.Images;

/// <summary>
/// What the decoder does around OCR: preparing the image, mapping boxes back, filtering noise. The OCR engine is
/// scripted here (it is the outside tool); the real one is exercised in <see cref="WhiteboardOcrTests"/>.
/// </summary>
public sealed class ImageDecoderTests
{
    [Fact]
    public async Task Boxes_read_on_an_upscaled_copy_are_given_in_the_original_pixels()
    {
        var ocr = new ScriptedOcr(Line(("gateway", 91, new PixelBox(400, 200, 120, 40))));

        var result = await DecodeAsync(new ImageDecoder(ocr), Pngs.Solid(1000, 600, "white"));

        Assert.Equal((2000, 1200), ocr.PreparedSize);
        var segment = Assert.Single(result.Segments);
        Assert.Equal(new PixelBox(200, 100, 60, 20), segment.Origin.Box);
        Assert.Equal(91, segment.Origin.Confidence);
    }

    [Fact]
    public async Task Low_confidence_noise_and_stray_strokes_are_dropped_but_labels_are_kept()
    {
        var ocr = new ScriptedOcr(
            Line(("orders-api", 91, new PixelBox(10, 10, 90, 20))),
            Line(("|", 88, new PixelBox(5, 40, 3, 30))),
            Line(("~e:", 12, new PixelBox(50, 80, 20, 12))),
            Line(("POST", 93, new PixelBox(10, 120, 40, 20)), ("/orders", 87, new PixelBox(55, 120, 60, 20)), ("ii", 9, new PixelBox(120, 120, 8, 20))));

        var result = await DecodeAsync(new ImageDecoder(ocr), Pngs.Solid(1600, 900, "white"));

        Assert.Equal(["orders-api", "POST /orders"], result.Segments.Select(s => s.Text));
        Assert.Equal(new PixelBox(10, 120, 105, 20), result.Segments[1].Origin.Box);
        Assert.Equal(90, result.Segments[1].Origin.Confidence);
    }

    [Fact]
    public async Task An_image_with_no_legible_text_decodes_to_no_segments_and_says_so()
    {
        var result = await DecodeAsync(new ImageDecoder(new TesseractOcrEngine()), Pngs.Solid(400, 300, "white"));

        Assert.Empty(result.Segments);
        Assert.Equal(ImageDecoder.NothingLegibleNote, result.Note);
    }

    [Fact]
    public async Task The_copy_handed_to_ocr_is_readable_by_this_user_only_and_deleted_afterwards()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var ocr = new ScriptedOcr();

        await DecodeAsync(new ImageDecoder(ocr), Pngs.Solid(300, 200, "white"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ocr.PreparedMode);
        Assert.False(File.Exists(ocr.PreparedPath));
    }

    [Fact]
    public async Task Only_images_are_decoded_here()
    {
        var decoder = new ImageDecoder(new ScriptedOcr());

        Assert.True(decoder.Supports(ContentType.Jpeg));
        Assert.True(decoder.Supports(ContentType.Webp));
        Assert.False(decoder.Supports(ContentType.Pdf));
        Assert.False(decoder.Supports(ContentType.Ogg));
        await Task.CompletedTask;
    }

    private static Task<DecodeResult> DecodeAsync(ImageDecoder decoder, byte[] png) =>
        decoder.DecodeAsync(new DecodeRequest("board.png", ContentType.Png, png, new DecodeLimits()), TestContext.Current.CancellationToken);

    private static OcrLine Line(params (string Text, double Confidence, PixelBox Box)[] words) =>
        new(words.Select(w => new OcrWord(w.Text, w.Confidence, w.Box)).ToList());

    /// <summary>Answers with fixed lines, and notes what it was handed.</summary>
    private sealed class ScriptedOcr(params OcrLine[] lines) : IOcrEngine
    {
        public string PreparedPath { get; private set; } = "";

        public (int, int) PreparedSize { get; private set; }

        public UnixFileMode PreparedMode { get; private set; }

        public Task<OcrPage> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
        {
            PreparedPath = imagePath;
            var info = new MagickImageInfo(imagePath);
            PreparedSize = ((int)info.Width, (int)info.Height);
            if (!OperatingSystem.IsWindows())
            {
                PreparedMode = File.GetUnixFileMode(imagePath);
            }

            return Task.FromResult(new OcrPage(lines));
        }
    }
}
