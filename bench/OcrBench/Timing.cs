using System.Diagnostics;
using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Bench.Ocr;

/// <summary>Wall time of a whole image decode (header, preprocessing, Tesseract, filtering), and of Tesseract alone.</summary>
internal static class Timing
{
    public static async Task RunAsync(IReadOnlyDictionary<string, byte[]> boards, int runs)
    {
        var engine = new TesseractOcrEngine();
        var recording = new RecordingOcrEngine(engine);
        var decoder = new ImageDecoder(recording);
        Console.WriteLine($"{runs} runs per image after 1 warm-up; load average {LoadAverage()}");
        Console.WriteLine("| image | decode median | decode min | of which tesseract (median) | tesseract on the raw file (median) | labels read |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (board, png) in boards)
        {
            var request = new DecodeRequest($"{board}/whiteboard.png", ContentType.Png, png, new DecodeLimits());
            var result = await decoder.DecodeAsync(request, CancellationToken.None);
            var inEngine = new List<double>();
            var decode = await TimeAsync(runs, async () =>
            {
                var decoded = await decoder.DecodeAsync(request, CancellationToken.None);
                inEngine.Add(recording.LastElapsed.TotalMilliseconds);
                return decoded;
            });
            inEngine.Sort();

            var path = Path.Combine(Path.GetTempPath(), $"ocrbench-{Guid.NewGuid():N}.png");
            await File.WriteAllBytesAsync(path, png);
            try
            {
                var alone = await TimeAsync(runs, () => engine.RecognizeAsync(path, CancellationToken.None));
                var found = Whiteboards.Found(board, result.Segments).Count;
                Console.WriteLine($"| {board} | {decode.Median:0} ms | {decode.Min:0} ms | {inEngine[inEngine.Count / 2]:0} ms | {alone.Median:0} ms | {found}/{Whiteboards.Labels[board].Length} |");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<(double Median, double Min)> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        await action();
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return (timings[timings.Count / 2], timings[0]);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
