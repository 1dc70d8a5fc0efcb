using Vigil.ThreatModel.Analysis;

namespace Vigil.ChatAgent.Hosting;

/// <summary>
/// Compiles the catalogue's patterns in the background as the host starts, so the first design analyzed does not
/// wait seconds for it and /healthz answers at once.
/// </summary>
internal sealed class AnalyzerWarmup(IServiceProvider services, ILogger<AnalyzerWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                var analyzer = services.GetRequiredService<ThreatAnalyzer>();
                logger.LogInformation("Threat catalogue ready ({Analyzer})", analyzer.GetType().Name);
            }
            catch (ThreatModel.Knowledge.CatalogException e)
            {
                logger.LogError("Threat catalogue cannot be used: {Reason}", e.Message);
            }
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
