namespace Vigil.Bench;

/// <summary>
/// Samples the thread pool every 50 ms during the run: work items waiting for a thread and threads in the pool.
/// A long queue while requests are slow means they waited for a thread, not for SQLite or the network.
/// </summary>
internal sealed class ThreadPoolSampler : IDisposable
{
    private readonly Lock gate = new();
    private readonly Timer timer;
    private long maxPending;
    private long pendingSum;
    private int samples;
    private int maxThreads;

    public ThreadPoolSampler()
    {
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public string Summary()
    {
        lock (gate)
        {
            return $"queued work items mean {(samples == 0 ? 0 : pendingSum / samples)}, max {maxPending}; threads max {maxThreads} (pool minimum {MinThreads()})";
        }
    }

    public void Dispose() => timer.Dispose();

    private static int MinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }

    private void Sample()
    {
        lock (gate)
        {
            var pending = ThreadPool.PendingWorkItemCount;
            maxPending = Math.Max(maxPending, pending);
            pendingSum += pending;
            samples++;
            maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
        }
    }
}
