using Vigil.Retrieval;

namespace Vigil.ChatAgent.Hosting;

/// <summary>
/// Refuses to start on a vector index built with another embedding model: its neighbours would be meaningless. The
/// message names both models and `vigil reindex`.
/// </summary>
internal sealed class IndexCompatibilityCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.EnsureIndexCompatibleAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
