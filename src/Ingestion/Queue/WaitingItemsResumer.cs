using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Ingestion.Decoding.Audio;

namespace Vigil.Ingestion.Queue;

/// <summary>
/// Voice notes wait while no transcription model is available. Once one is (a model configured and the host
/// restarted, or a model file dropped into the data folder), they go back in the queue and are transcribed.
/// </summary>
public sealed partial class WaitingItemsResumer(
    JobQueue queue,
    IngestionInbox inbox,
    ITranscriber transcriber,
    TimeProvider time,
    ILogger<WaitingItemsResumer> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ResumeIfPossibleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(logger, e);
            }

            await Task.Delay(CheckInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Requeues the waiting items when transcription works now; returns how many.</summary>
    public async Task<int> ResumeIfPossibleAsync(CancellationToken cancellationToken)
    {
        if ((await queue.ListAsync(ItemStatus.Waiting, cancellationToken)).Count == 0
            || !(await transcriber.GetAvailabilityAsync(cancellationToken)).IsAvailable)
        {
            return 0;
        }

        var resumed = await queue.ResumeWaitingAsync(cancellationToken);
        LogResumed(logger, resumed);
        inbox.Signal();
        return resumed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transcription is available: {Count} waiting voice notes are queued again")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for waiting voice notes failed; will check again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
