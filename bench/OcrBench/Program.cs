using System.Globalization;
using Vigil.Bench.Ocr;

// OCR of the corpus whiteboards: time per image (median of N runs after a warm-up) and labels read.
// Usage: dotnet run -c Release --project bench/OcrBench -- [CORPUS_DIR] [RUNS] [--compare]
//   --compare  labels read by each preprocessing pipeline and page segmentation mode, on each board and on
//              harder variants of it (smaller, skewed, photo-like), and how confident OCR was in its noise.
var corpus = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine("..", "shared", "corpus");
var runs = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10);
var boards = Whiteboards.Labels.Keys.ToDictionary(b => b, b => File.ReadAllBytes(Path.Combine(corpus, b, "whiteboard.png")));

if (args.Contains("--compare"))
{
    await PipelineComparison.RunAsync(boards);
}
else
{
    await Timing.RunAsync(boards, runs);
}
