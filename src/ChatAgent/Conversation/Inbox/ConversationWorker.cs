using Microsoft.Extensions.Hosting;

namespace Vigil.ChatAgent.Conversation.Inbox;

/// <summary>
/// Works through the conversation inbox. What was said is handed to ingestion in arrival order, so a thread's design
/// record keeps its order; answers (which wait for ingestion) run beside it, a few at a time. A failed event is
/// retried with backoff and kept with its reason once it has failed too often.
/// </summary>
public sealed partial class ConversationWorker(ConversationInbox inbox, ConversationHandler handler, TimeProvider time, ILogger<ConversationWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int ConcurrentAnswers = 4;
    private readonly SemaphoreSlim answerSlots = new(ConcurrentAnswers);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await inbox.RecoverAbandonedAsync(stoppingToken);
        await inbox.PruneAsync(TimeSpan.FromDays(7), stoppingToken);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            InboxEvent? next;
            try
            {
                next = await inbox.LeaseAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLeaseFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (next is null)
            {
                await inbox.WaitForEventsAsync(TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (IsAnswer(next.Event))
            {
                await answerSlots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await ProcessAsync(next, stoppingToken);
                    }
                    finally
                    {
                        answerSlots.Release();
                    }
                }, stoppingToken));
            }
            else
            {
                await ProcessAsync(next, stoppingToken);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Handles one event and records the outcome; never throws for the event's own failure.</summary>
    public async Task ProcessAsync(InboxEvent item, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(item.Event, cancellationToken);
            await inbox.CompleteAsync(item, CancellationToken.None);
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
                await inbox.FailAsync(item, reason, CancellationToken.None);
            }
            else
            {
                var delay = TimeSpan.FromSeconds(Math.Pow(2, item.Attempts));
                LogRetrying(logger, item.Seq, item.Event.GetType().Name, delay, reason);
                await inbox.RetryLaterAsync(item, reason, delay, CancellationToken.None);
            }
        }
    }

    private static bool IsAnswer(ConversationEvent e) => e is BotMentioned or CommandInvoked or FindingStatusChanged or HomeOpened or BotJoined;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation event {Seq} ({Kind}) failed; retrying in {Delay}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, long seq, string kind, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation event {Seq} ({Kind}) failed for good: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, long seq, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the conversation inbox failed; will try again")]
    private static partial void LogLeaseFailed(ILogger logger, Exception exception);
}
