using System.Globalization;
using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Bench.Ocr;

/// <summary>
/// Which preprocessing reads the most labels: every pipeline × page segmentation mode on every board variant; then,
/// for the default pipeline, what each confidence floor keeps — which is where the decoder's floor comes from.
/// </summary>
internal static class PipelineComparison
{
    private const string Default = "default: gray+flat-if-uneven+norm+deskew+up";

    private static readonly (string Name, PreprocessingOptions Options)[] Pipelines =
    [
        ("gray", new() { FlattenLighting = false, UpscaleBelowWidth = 0, Normalize = false, Deskew = false }),
        ("gray+norm", new() { FlattenLighting = false, UpscaleBelowWidth = 0, Deskew = false }),
        ("gray+norm+deskew", new() { FlattenLighting = false, UpscaleBelowWidth = 0 }),
        ("gray+up+norm+deskew", new() { FlattenLighting = false }),
        ("gray+flat-if-uneven+up+norm", new() { Deskew = false }),
        (Default, new()),
        ("…+otsu", new() { Binarization = Binarization.Otsu }),
        ("…+local", new() { Binarization = Binarization.Local }),
    ];

    private static readonly LegibleText Everything = new() { MinWordConfidence = 0 };

    public static async Task RunAsync(IReadOnlyDictionary<string, byte[]> boards)
    {
        var totals = new Dictionary<string, int>();
        var pagesByPipeline = new Dictionary<string, List<(string Board, OcrPage Page)>> { [Default] = [], ["gray"] = [] };
        Console.WriteLine("| board | variant | pipeline | psm | labels read |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (board, png) in boards)
        {
            foreach (var (variant, bytes) in Variants.Of(png))
            {
                foreach (var psm in new[] { 3, 11 })
                {
                    foreach (var (name, options) in Pipelines)
                    {
                        var engine = new RecordingOcrEngine(new TesseractOcrEngine(new TesseractOptions { PageSegmentationMode = psm }));
                        var request = new DecodeRequest(board, ContentType.Png, bytes, new DecodeLimits());
                        await new ImageDecoder(engine, options, Everything).DecodeAsync(request, CancellationToken.None);
                        var found = Whiteboards.Found(board, new LegibleText().Lines(engine.Last).Select(l => l.Text)).Count;
                        var key = $"psm {psm,2}  {variant,-12} {name}";
                        totals[key] = found + totals.GetValueOrDefault(key);
                        Console.WriteLine($"| {board} | {variant} | {name} | {psm} | {found}/{Whiteboards.Labels[board].Length} |");
                        if (psm == 11 && pagesByPipeline.TryGetValue(name, out var pages))
                        {
                            pages.Add((board, engine.Last));
                        }
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Labels read on both boards (of {Whiteboards.Labels.Values.Sum(l => l.Length)}, confidence floor {new LegibleText().MinWordConfidence}):");
        foreach (var (key, found) in totals.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {found,3}  {key}");
        }

        // The plain gray pipeline stands for a photo preprocessing cannot rescue: that is where noise comes from.
        foreach (var (name, pages) in pagesByPipeline)
        {
            PrintFloors(name, pages);
        }
    }

    // A line is noise when none of its words belongs to a label.
    private static void PrintFloors(string pipeline, List<(string Board, OcrPage Page)> pages)
    {
        Console.WriteLine();
        Console.WriteLine($"Confidence floors, {pipeline}, psm 11, all variants of both boards:");
        foreach (var floor in new[] { 0, 20, 30, 40, 50, 60, 70 })
        {
            var legible = new LegibleText { MinWordConfidence = floor };
            int labels = 0, lines = 0, noise = 0, labelWords = 0, otherWords = 0;
            foreach (var (board, page) in pages)
            {
                var kept = legible.Lines(page);
                labels += Whiteboards.Found(board, kept.Select(l => l.Text)).Count;
                lines += kept.Count;
                noise += kept.Count(l => !l.Words.Any(w => Whiteboards.IsLabelWord(board, w.Text)));
                labelWords += kept.Sum(l => l.Words.Count(w => Whiteboards.IsLabelWord(board, w.Text)));
                otherWords += kept.Sum(l => l.Words.Count(w => !Whiteboards.IsLabelWord(board, w.Text)));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  floor {floor,2}: {labels} labels read; {lines} lines kept, {noise} of them noise; words kept: {labelWords} of labels, {otherWords} others"));
        }
    }
}
