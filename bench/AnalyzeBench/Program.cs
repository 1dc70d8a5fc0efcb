using System.Diagnostics;
using System.Globalization;
using Vigil.Bench;
using Vigil.ThreatModel.Analysis;

// `vigil analyze` of a 300-message thread: median and p95 after warm-up, and allocations per analysis.
// Usage: dotnet run -c Release --project bench/AnalyzeBench -- [CORPUS_DIR] [MESSAGES] [--interpreted] [--profile]
var corpus = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "corpus");
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var thread = LongThread.Build(corpus, count);
// The host's analyzer: compiled patterns, paid once at start (see PatternCompilation); --interpreted for the CLI's.
var analyzer = args.Contains("--interpreted") ? ThreatAnalyzer.Default : ThreatAnalyzer.DefaultCompiled;
if (args.Contains("--profile"))
{
    SignalProfile.Print(thread, top: 20);
    SignalProfile.Print(thread, top: 0);
    return;
}

for (var i = 0; i < 5; i++)
{
    analyzer.Analyze(thread, "bench");
}

var timings = new List<double>();
long allocated = 0;
AnalysisResult? last = null;
for (var i = 0; i < 30; i++)
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    last = analyzer.Analyze(thread, "bench");
    watch.Stop();
    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
    timings.Add(watch.Elapsed.TotalMilliseconds);
}

// How much of that is rules, scoring and attack paths (the model is built once and re-analyzed).
var ruleTimings = new List<double>();
for (var i = 0; i < 30; i++)
{
    var watch = Stopwatch.StartNew();
    analyzer.Analyze(last!.Model);
    ruleTimings.Add(watch.Elapsed.TotalMilliseconds);
}

ruleTimings.Sort();
timings.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"messages={thread.Count} elements={last!.Model.Elements.Count} findings={last.Findings.Count} runs={timings.Count} " +
    $"median={timings[timings.Count / 2]:0.0}ms p95={timings[(int)(timings.Count * 0.95)]:0.0}ms min={timings[0]:0.0}ms " +
    $"alloc={allocated / timings.Count / 1024.0 / 1024.0:0.0}MB/run rules+scoring median={ruleTimings[ruleTimings.Count / 2]:0.0}ms"));
