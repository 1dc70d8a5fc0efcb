using System.Diagnostics;

namespace Vigil.Bench;

/// <summary>Nearest-rank percentiles of Stopwatch durations, in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] sorted;

    public Percentiles(IEnumerable<long> ticks)
    {
        sorted = [.. ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order()];
    }

    public double this[double percentile] =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    public string Summary() => $"p50 {this[50]:0.0} ms, p95 {this[95]:0.0} ms, p99 {this[99]:0.0} ms, p99.9 {this[99.9]:0.0} ms, max {Max:0.0} ms";
}
