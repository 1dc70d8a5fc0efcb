using Microsoft.Extensions.Hosting;

namespace Vigil.ChatAgent.Conversation.Inbox;

/// <summary>
/// Works through the conversation inbox in two lanes: what was said goes to ingestion one event at a time, in
/// arrival order within each thread (a retried event holds up its own thread, not the others); answers run a few at
/// a time beside it, each after what was said before it. A failed event is retried with backoff and kept with its reason once it has failed too often.
/// </summary>
public sealed partial class ConversationWorker(ConversationInbox inbox, ConversationHandler handler, TimeProvider time, ILogger<ConversationWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int ConcurrentAnswers = 4;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    /// <summary>How long an answer waits for what was said before it to reach ingestion (a slow file download).</summary>
    private static readonly TimeSpan SaidWait = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await GuardedAsync(() => inbox.RecoverAbandonedAsync(stoppingToken), "recovering abandoned events");
        await Task.WhenAll(
            RunLaneAsync(InboxLane.Said, 1, stoppingToken),
            RunLaneAsync(InboxLane.Answer, ConcurrentAnswers, stoppingToken),
            PruneAsync(stoppingToken));
    }

    private async Task RunLaneAsync(InboxLane lane, int concurrency, CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // A slot first, then an event: a lane that is full leaves its events in the inbox, where nothing else waits on them.
            await slots.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            InboxEvent? next = null;
            try
            {
                next = await inbox.LeaseAsync(lane, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogLeaseFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (next is null)
            {
                slots.Release();
                await inbox.WaitForEventsAsync(lane, TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            var work = ProcessThenReleaseAsync(next, slots, stoppingToken);
            if (concurrency == 1)
            {
                await work;
            }
            else
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(work);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ProcessThenReleaseAsync(InboxEvent item, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await ProcessAsync(item, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Handles one event and records the outcome; never throws for the event's own failure.</summary>
    public async Task ProcessAsync(InboxEvent item, CancellationToken cancellationToken)
    {
        try
        {
            if (InboxLanes.Of(item.Event) == InboxLane.Answer)
            {
                await inbox.WaitForSaidBeforeAsync(item.Seq, SaidWait, cancellationToken);
            }

            await handler.HandleAsync(item.Event, cancellationToken);
            await GuardedAsync(() => inbox.CompleteAsync(item, CancellationToken.None), "recording a handled event");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Left running: the next start requeues it.
        }
        catch (Exception e)
        {
            var reason = $"{e.GetType().Name}: {e.Message}";
            if (item.Attempts >= MaxAttempts)
            {
                LogGaveUp(logger, item.Seq, item.Event.GetType().Name, reason);
                await GuardedAsync(() => inbox.FailAsync(item, reason, CancellationToken.None), "recording a failed event");
            }
            else
            {
                var delay = TimeSpan.FromSeconds(Math.Pow(2, item.Attempts));
                LogRetrying(logger, item.Seq, item.Event.GetType().Name, delay, reason);
                await GuardedAsync(() => inbox.RetryLaterAsync(item, reason, delay, CancellationToken.None), "scheduling a retry");
            }
        }
    }

    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await GuardedAsync(() => inbox.PruneAsync(KeepFor, stoppingToken), "pruning old events");
            await Task.Delay(PruneEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Book-keeping that fails (a locked or full disk) is logged; the worker itself keeps going.</summary>
    private async Task GuardedAsync(Func<Task> write, string what)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBookkeepingFailed(logger, what, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation event {Seq} ({Kind}) failed; retrying in {Delay}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, long seq, string kind, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation event {Seq} ({Kind}) failed for good: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, long seq, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the conversation inbox failed; will try again")]
    private static partial void LogLeaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation inbox failed while {What}; carrying on")]
    private static partial void LogBookkeepingFailed(ILogger logger, string what, Exception exception);
}
