using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Ingestion.Tests.Decoding.Images;

/// <summary>Broken and malicious images each get a reason the user can act on, and nothing else happens.</summary>
public sealed class HostileImageTests
{
    private static readonly ContentDecoders Decoders = new([new ImageDecoder(new TesseractOcrEngine())], new DecodeLimits());

    [Fact]
    public async Task A_truncated_png_is_refused_as_truncated()
    {
        var whole = await Whiteboards.ReadAsync(Whiteboards.Uploads);

        var error = await RefusedAsync(whole[..(whole.Length / 2)]);

        Assert.StartsWith("image is truncated or corrupt: ", error.Message);
        Assert.Contains("end of file", error.Message);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_before_any_pixel_is_decoded()
    {
        // Decoding would fail differently ("not enough image data"): this reason can only come from the header.
        var error = await RefusedAsync(Pngs.ClaimingSize(20_000, 20_000));

        Assert.Equal("image is 20000×20000 pixels (400 megapixels), above the 40 megapixel limit (Ingestion:MaxImagePixels)", error.Message);
    }

    [Fact]
    public async Task Random_bytes_behind_a_png_signature_are_refused_as_corrupt()
    {
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);

        var error = await RefusedAsync([.. Pngs.Signature, .. noise]);

        Assert.StartsWith("image is truncated or corrupt: ", error.Message);
    }

    [Fact]
    public async Task A_png_signature_alone_is_refused_as_corrupt()
    {
        var error = await RefusedAsync(Pngs.Signature);

        Assert.StartsWith("image is truncated or corrupt: ", error.Message);
    }

    [Fact]
    public async Task Without_tesseract_installed_the_reason_says_what_to_install()
    {
        var decoders = new ContentDecoders([new ImageDecoder(new TesseractOcrEngine(new TesseractOptions { ExecutablePath = "/nonexistent/bin/tesseract" }))], new DecodeLimits());

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() =>
            decoders.DecodeAsync("whiteboard.png", Pngs.Solid(200, 100, "white"), "whiteboard.png", TestContext.Current.CancellationToken));

        Assert.Equal("OCR needs the tesseract-ocr package; install tesseract-ocr and tesseract-ocr-eng", error.Message);
    }

    private static Task<UnreadableContentException> RefusedAsync(byte[] bytes) =>
        Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("upload.png", bytes, "upload.png", TestContext.Current.CancellationToken));
}
