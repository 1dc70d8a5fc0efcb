using Microsoft.Extensions.Options;

namespace Vigil.Ingestion.Queue;

/// <summary>
/// The front door: accepts items durably and wakes the workers. When more than <see cref="IngestionOptions.MaxPending"/>
/// items are waiting, callers are slowed down instead of the queue growing without bound.
/// </summary>
public sealed class IngestionInbox(JobQueue queue, IOptions<IngestionOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim work = new(0);

    public async Task<IngestionItem> AcceptAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        while (await queue.PendingCountAsync(cancellationToken) >= options.Value.MaxPending)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }

        var item = await queue.EnqueueAsync(request, cancellationToken);
        Signal();
        return item;
    }

    /// <summary>Wakes one waiting worker (new work or a finished item).</summary>
    public void Signal()
    {
        if (work.CurrentCount == 0)
        {
            work.Release();
        }
    }

    /// <summary>Waits for new work, or at most <paramref name="timeout"/> (retries come due without a signal).</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => work.WaitAsync(timeout, cancellationToken);
}
