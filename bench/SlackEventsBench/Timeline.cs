using System.Globalization;

namespace Vigil.Bench;

/// <summary>Latency p99 of the requests due in each slice of the run: a backlog that grows shows as a rising line.</summary>
internal static class Timeline
{
    public static string P99BySlice(LoopResult result, int rate, int sliceSeconds)
    {
        var perSlice = rate * sliceSeconds;
        var slices = Enumerable.Range(0, (result.Count + perSlice - 1) / perSlice)
            .Select(s => new Percentiles(result.LatencyTicks.Skip(s * perSlice).Take(perSlice))[99].ToString("0", CultureInfo.InvariantCulture));
        return string.Join(" ", slices);
    }
}
