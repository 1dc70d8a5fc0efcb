using ImageMagick;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Ingestion.Tests.Decoding.Images;

/// <summary>The corpus whiteboards through the real pipeline: sniffing, ImageMagick and the tesseract CLI.</summary>
public sealed class WhiteboardOcrTests
{
    private static readonly ContentDecoders Decoders = new([new ImageDecoder(new TesseractOcrEngine())], new DecodeLimits());

    [Theory]
    [InlineData(Whiteboards.Uploads)]
    [InlineData(Whiteboards.Iot)]
    public async Task Component_labels_of_a_corpus_whiteboard_are_read(string board)
    {
        var result = await DecodeAsync(await Whiteboards.ReadAsync(board));

        var lines = result.Segments.Select(s => s.Text).ToList();
        Assert.All(Whiteboards.ComponentLabels[board], label => Assert.Contains(lines, line => line.Contains(label, StringComparison.OrdinalIgnoreCase)));
        Assert.Null(result.Note);
    }

    [Theory]
    [InlineData(Whiteboards.Uploads)]
    [InlineData(Whiteboards.Iot)]
    public async Task Every_segment_has_a_box_inside_the_image_and_a_confidence(string board)
    {
        var bytes = await Whiteboards.ReadAsync(board);
        var size = new MagickImageInfo(bytes);

        var result = await DecodeAsync(bytes);

        Assert.NotEmpty(result.Segments);
        Assert.All(result.Segments, segment =>
        {
            Assert.Equal("whiteboard.png", segment.Origin.Source);
            var box = Assert.NotNull(segment.Origin.Box);
            Assert.True(box.Left >= 0 && box.Top >= 0 && box.Width > 0 && box.Height > 0, $"{segment.Text}: {box}");
            Assert.True(box.Left + box.Width <= size.Width && box.Top + box.Height <= size.Height, $"{segment.Text}: {box}");
            Assert.InRange(Assert.NotNull(segment.Origin.Confidence), new LegibleText().MinWordConfidence, 100);
        });
    }

    [Fact]
    public async Task A_label_box_points_at_where_the_label_is_written_on_the_photo()
    {
        var result = await DecodeAsync(await Whiteboards.ReadAsync(Whiteboards.Uploads));

        // Tesseract reads "thumbnailer" at left 1077, top 456 (186×27) on the untouched photo. The decoder reads a
        // copy turned by its deskew (~1.3°), so this checks the way back to the photo's pixels.
        var box = Assert.Single(result.Segments, s => s.Text.Contains("thumbnailer", StringComparison.OrdinalIgnoreCase)).Origin.Box!.Value;
        Assert.InRange(box.Left, 1067, 1087);
        Assert.InRange(box.Top, 446, 466);
        Assert.InRange(box.Width, 176, 200);
    }

    [Fact]
    public async Task A_photo_taken_at_a_slant_is_read_and_its_boxes_point_into_the_slanted_photo()
    {
        var (slanted, width, height) = Rotated(await Whiteboards.ReadAsync(Whiteboards.Iot), degrees: 4);

        var result = await DecodeAsync(slanted);

        Assert.All(["TimescaleDB", "ingest-broker", "telemetry-ingest", "Sensor ESP32"], label =>
            Assert.Contains(result.Segments, s => s.Text.Contains(label, StringComparison.OrdinalIgnoreCase)));

        // "TimescaleDB" is centred at (1313, 547) on the level 1600×850 board; turning the board 4° clockwise
        // about its centre, onto the larger canvas, puts it here.
        var expected = TurnClockwise((1313, 547), degrees: 4, from: (800, 425), to: (width / 2.0, height / 2.0));
        var box = result.Segments.First(s => s.Text.Contains("TimescaleDB", StringComparison.OrdinalIgnoreCase)).Origin.Box!.Value;
        var (x, y) = (box.Left + (box.Width / 2.0), box.Top + (box.Height / 2.0));
        Assert.True(Math.Abs(x - expected.X) < 12 && Math.Abs(y - expected.Y) < 12, $"centre ({x}, {y}), expected ({expected.X:0}, {expected.Y:0})");
    }

    [Fact]
    public async Task A_diagram_with_a_transparent_background_is_read_as_ink_on_white()
    {
        var transparent = TransparentBoard(await Whiteboards.ReadAsync(Whiteboards.Iot));

        var result = await DecodeAsync(transparent);

        Assert.All(["ingest-broker", "TimescaleDB", "ops-tool"], label =>
            Assert.Contains(result.Segments, s => s.Text.Contains(label, StringComparison.OrdinalIgnoreCase)));
    }

    private static Task<DecodeResult> DecodeAsync(byte[] png) =>
        Decoders.DecodeAsync("whiteboard.png", png, "whiteboard.png", TestContext.Current.CancellationToken);

    private static (byte[] Png, int Width, int Height) Rotated(byte[] png, double degrees)
    {
        using var image = new MagickImage(png);
        image.BackgroundColor = MagickColors.White;
        image.Rotate(degrees);
        image.ResetPage();
        return (image.ToByteArray(MagickFormat.Png), (int)image.Width, (int)image.Height);
    }

    // Like an export from a diagram tool: the board is fully transparent, and black under the transparency.
    private static byte[] TransparentBoard(byte[] png)
    {
        using var image = new MagickImage(png);
        image.ColorFuzz = new Percentage(25);
        image.Transparent(MagickColors.White);
        image.BackgroundColor = MagickColors.Black;
        image.Alpha(AlphaAction.Background);
        return image.ToByteArray(MagickFormat.Png);
    }

    private static (double X, double Y) TurnClockwise((double X, double Y) point, double degrees, (double X, double Y) from, (double X, double Y) to)
    {
        var radians = degrees * Math.PI / 180;
        var (dx, dy) = (point.X - from.X, point.Y - from.Y);
        return ((dx * Math.Cos(radians)) - (dy * Math.Sin(radians)) + to.X, (dx * Math.Sin(radians)) + (dy * Math.Cos(radians)) + to.Y);
    }
}
