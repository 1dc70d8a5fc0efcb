using System.Runtime.Versioning;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Ingestion.Tests.Decoding.Images;

/// <summary>The tesseract CLI adapter on its own: its failures, and what happens to it when the caller gives up.</summary>
public sealed class TesseractOcrEngineTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("vigil-ocr-tests-");

    [Fact]
    public async Task Words_come_back_with_boxes_and_confidences_in_the_image_pixels()
    {
        var page = await new TesseractOcrEngine().RecognizeAsync(Whiteboards.Path(Whiteboards.Iot), TestContext.Current.CancellationToken);

        var word = Assert.Single(page.Words, w => w.Text == "TimescaleDB");
        Assert.InRange(word.Confidence, 50, 100);
        Assert.InRange(word.Box.Left, 1200, 1230);
        Assert.InRange(word.Box.Top, 520, 545);
    }

    [Fact]
    public async Task A_file_tesseract_cannot_decode_is_reported_as_corrupt_with_its_reason()
    {
        var path = Write("broken.png", [.. Pngs.Signature, .. "not a chunk"u8.ToArray()]);

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => new TesseractOcrEngine().RecognizeAsync(path, TestContext.Current.CancellationToken));

        Assert.StartsWith("image is truncated or corrupt: libpng error", error.Message);
    }

    [Fact]
    public async Task A_missing_language_pack_is_named_in_the_reason()
    {
        var path = Write("blank.png", Pngs.Solid(64, 64, "white"));
        var engine = new TesseractOcrEngine(new TesseractOptions { Language = "xyz" });

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => engine.RecognizeAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("OCR needs Tesseract's 'xyz' language data; install tesseract-ocr-xyz", error.Message);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Cancelling_kills_the_tool_and_every_process_it_started()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("uses a shell script as a stand-in for tesseract");
        }

        var pidFile = Path.Combine(scratch.FullName, "child.pid");
        var slowTool = Write("slow-tesseract", System.Text.Encoding.ASCII.GetBytes($"#!/bin/sh\nsleep 300 &\necho $! > '{pidFile}.tmp'\nmv '{pidFile}.tmp' '{pidFile}'\nwait\n"));
        File.SetUnixFileMode(slowTool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var image = Write("in.png", Pngs.Solid(16, 16, "white"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var recognizing = new TesseractOcrEngine(new TesseractOptions { ExecutablePath = slowTool }).RecognizeAsync(image, cancel.Token);
        await Eventually(() => File.Exists(pidFile));
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognizing);
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Eventually(() => !IsRunning(grandchild));
    }

    public void Dispose() => scratch.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(scratch.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // A killed process whose parent died stays a zombie until something reaps it; it no longer runs.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 10_000, "condition not met within 10 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
