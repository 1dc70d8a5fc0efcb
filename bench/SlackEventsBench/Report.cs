using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Vigil.Bench;

/// <summary>The figures of one run, printed as <c>[bench]</c> lines, and the targets each one is checked against.</summary>
internal sealed class Report(
    BenchOptions options, LoopResult result, TimeSpan elapsed, MachineState before, MachineState after, long hostPeakWorkingSet,
    ConcurrentQueue<long>? serverTicks, bool inProcess)
{
    public required int Stored { get; init; }

    public required IReadOnlyDictionary<string, int> InboxCounts { get; init; }

    public required int Ingested { get; init; }

    public required int IngestionPending { get; init; }

    public required string ThreadPool { get; init; }

    public required IReadOnlyDictionary<string, int> SlackApiCalls { get; init; }

    /// <summary>Prints the report and returns how many targets were missed.</summary>
    public int Print()
    {
        var acked = result.Status.Count(IsAck);
        var latency = new Percentiles(result.LatencyTicks);
        var ackedIn3s = result.LatencyTicks.Where((t, i) => IsAck(result.Status[i]) && t * 1000.0 / Stopwatch.Frequency < 3000).Count();
        var lost = result.Count - Stored;
        var cpu = (after.ProcessorTime - before.ProcessorTime).TotalSeconds;
        var failures = result.Status.Where(s => !IsAck(s)).GroupBy(s => s)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}");
        Console.WriteLine();
        Line("sent", $"{result.Count} in {result.SendWindow.TotalSeconds:0.00} s ({result.Count / result.SendWindow.TotalSeconds:0.0}/s), all answered after {elapsed.TotalSeconds:0.00} s");
        Line("acked", $"{acked} (2xx); within Slack's 3 s: {ackedIn3s}");
        Line("non-2xx", acked == result.Count ? "none" : string.Join(", ", failures));
        foreach (var error in result.Errors.Distinct().Take(3))
        {
            Line("", error);
        }

        Line("latency", $"{latency.Summary()} (from the scheduled send time)");
        Line("p99/5 s", $"{Timeline.P99BySlice(result, options.Rate, 5)} ms (requests due in each 5 s of the run)");
        if (serverTicks is not null)
        {
            Line("in host", $"{new Percentiles(serverTicks).Summary()} (first middleware to response)");
        }

        Line(inProcess ? "pool" : "bench pool", ThreadPool);
        Line("send lag", $"{new Percentiles(result.SendLagTicks).Summary()} (scheduler behind its schedule)");
        Line("inbox", $"{Stored} stored ({string.Join(", ", InboxCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}, warm-up included); lost {lost}");
        Line("ingestion", $"{Ingested} messages indexed during the run ({Ingested / elapsed.TotalSeconds:0.0}/s), {IngestionPending} still queued at its end");
        Line("host", $"peak working set {hostPeakWorkingSet / 1024 / 1024} MB; CPU {cpu:0.0} s in {elapsed.TotalSeconds:0.0} s ({cpu / elapsed.TotalSeconds * 100:0}% of one core)"
            + (inProcess ? $" (load generator included); GCs gen0/1/2 {after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2}, pause {(after.GcPause - before.GcPause).TotalMilliseconds:0} ms" : ""));
        Line("Slack API", SlackApiCalls.Count == 0 ? "no calls" : string.Join(", ", SlackApiCalls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        Line("machine", $"{Environment.ProcessorCount} cores; load average at start {before.LoadAverage}, at end {after.LoadAverage}");

        var missed = new List<string>();
        if (acked < result.Count)
        {
            missed.Add($"{result.Count - acked} requests not acknowledged with 2xx");
        }

        if (!(latency[99] < options.P99TargetMs))
        {
            missed.Add($"p99 {latency[99]:0.0} ms is not under {options.P99TargetMs} ms");
        }

        if (lost != 0)
        {
            missed.Add($"{lost} events not in the inbox");
        }

        Console.WriteLine(missed.Count == 0 ? "[bench] PASS: every event acknowledged and stored, p99 under target" : $"[bench] FAIL: {string.Join("; ", missed)}");
        return missed.Count;
    }

    private static bool IsAck(int status) => status is >= 200 and < 300;

    private static void Line(string label, string text) => Console.WriteLine($"[bench] {label,-10} {text}");
}
