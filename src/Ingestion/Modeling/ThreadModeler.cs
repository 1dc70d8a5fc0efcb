using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;

namespace Vigil.Ingestion.Modeling;

/// <summary>
/// Rebuilds the model of every thread whose design record changed, once the thread has been quiet for a moment, and
/// stores it as the thread's next version. Later stages (living summaries, digests) diff consecutive versions.
/// </summary>
public sealed partial class ThreadModeler(
    DesignRecords records,
    ModelVersions versions,
    ThreatAnalyzer analyzer,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<ThreadModeler> logger) : BackgroundService
{
    private static readonly IReportExporter Json = ReportExporters.For("json")!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RebuildDueAsync(settings.ModelQuietPeriod, settings.ModelMaxDelay, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRebuildFailed(logger, e);
            }

            await Task.Delay(settings.ModelQuietPeriod / 2, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: every due thread analyzed and stored. Returns how many were rebuilt.</summary>
    public async Task<int> RebuildDueAsync(TimeSpan quietFor, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var due = await versions.DueAsync(quietFor, maxDelay, cancellationToken);
        foreach (var thread in due)
        {
            var sources = await records.SourcesAsync(thread.Key, cancellationToken);
            var result = analyzer.Analyze(sources, thread.Name, thread.Version + 1, onUnreadable: e => LogUnreadable(logger, thread.Key, e.Message));
            await versions.SaveAsync(thread, Json.Export(result), cancellationToken);
            LogRebuilt(logger, thread.Key, thread.Version + 1, result.Findings.Count);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model of {Thread} is now version {Version} with {Findings} findings")]
    private static partial void LogRebuilt(ILogger logger, string thread, int version, int findings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A source of {Thread} could not be analyzed: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string thread, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding thread models failed; will try again")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
