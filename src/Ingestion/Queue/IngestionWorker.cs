using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Ingestion.Pipeline;

namespace Vigil.Ingestion.Queue;

/// <summary>
/// Runs the pipeline over the durable queue with <see cref="IngestionOptions.Concurrency"/> items at a time. An item
/// is done, retried later with exponential backoff, a dead letter with its reason, or waiting — and one item's
/// failure never stops the others.
/// </summary>
public sealed partial class IngestionWorker(
    JobQueue queue,
    IngestionInbox inbox,
    IngestionPipeline pipeline,
    IOptions<IngestionOptions> options,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await queue.RecoverAbandonedAsync(stoppingToken);
        if (recovered > 0)
        {
            LogRecovered(logger, recovered);
        }

        var lanes = Enumerable.Range(0, options.Value.Concurrency).Select(_ => RunLaneAsync(stoppingToken));
        await Task.WhenAll(lanes);
    }

    private async Task RunLaneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var item = await queue.LeaseAsync(stoppingToken);
                if (item is null)
                {
                    await inbox.WaitForWorkAsync(PollInterval, stoppingToken);
                    continue;
                }

                await ProcessAsync(item, stoppingToken);
                inbox.Signal();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The queue itself failed (disk full, database locked too long): back off and keep serving.
                LogQueueError(logger, e);
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Runs one leased item and records how it ended.</summary>
    public async Task ProcessAsync(IngestionItem item, CancellationToken stoppingToken)
    {
        StepOutcome outcome;
        try
        {
            outcome = await pipeline.RunAsync(item, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Unexpected: retried like a transient error, so a bug or an outage never loses the item, and reported.
            LogStepCrashed(logger, item.Id, e);
            outcome = new StepOutcome.TransientError($"{e.GetType().Name}: {e.Message}");
        }

        switch (outcome)
        {
            case StepOutcome.Success:
                await queue.CompleteAsync(item, stoppingToken);
                break;
            case StepOutcome.Waiting waiting:
                await queue.WaitAsync(item, waiting.Reason, stoppingToken);
                break;
            case StepOutcome.FatalError fatal:
                LogDeadLetter(logger, item.Source, fatal.Reason);
                await queue.FailAsync(item, fatal.Reason, stoppingToken);
                break;
            case StepOutcome.TransientError transient when item.Attempts >= options.Value.MaxAttempts:
                var reason = $"{transient.Reason} (gave up after {item.Attempts} attempts)";
                LogDeadLetter(logger, item.Source, reason);
                await queue.FailAsync(item, reason, stoppingToken);
                break;
            case StepOutcome.TransientError transient:
                await queue.RetryLaterAsync(item, transient.Reason, Backoff(item.Attempts), stoppingToken);
                break;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var delay = settings.RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
        // Jitter spreads retries of items that failed together (a store outage) so they do not all return at once.
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} items a previous run left unfinished")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} could not be ingested: {Reason}")]
    private static partial void LogDeadLetter(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A step failed unexpectedly on item {Item}; it will be retried")]
    private static partial void LogStepCrashed(ILogger logger, string item, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ingestion queue failed; retrying shortly")]
    private static partial void LogQueueError(ILogger logger, Exception exception);
}
