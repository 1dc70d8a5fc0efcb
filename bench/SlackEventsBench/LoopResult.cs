using System.Collections.Concurrent;

namespace Vigil.Bench;

/// <summary>Per request: HTTP status (0 when no answer came), latency from the due time, and how late it left.</summary>
internal sealed class LoopResult(int count)
{
    public int[] Status { get; } = new int[count];

    public long[] LatencyTicks { get; } = new long[count];

    public long[] SendLagTicks { get; } = new long[count];

    public ConcurrentQueue<string> Errors { get; } = new();

    public TimeSpan SendWindow { get; set; }

    public int Count => Status.Length;
}
