using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.ChatAgent.EndToEnd.Tests.Fakes;

/// <summary>
/// A host that is not Slack (another loopback port): it answers anything with a few bytes and records every
/// request with its Authorization header, so a test can prove the bot token never reached it.
/// </summary>
public sealed class ForeignHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<(string Path, string? Authorization)> requests = [];

    private ForeignHost(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ForeignHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var host = new ForeignHost(builder.Build());
        host.app.Run(context =>
        {
            lock (host.gate)
            {
                host.requests.Add((context.Request.Path, context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString()));
            }

            context.Response.ContentType = "application/octet-stream";
            return context.Response.Body.WriteAsync("stolen"u8.ToArray()).AsTask();
        });
        await host.app.StartAsync(cancellationToken);
        host.BaseUrl = new Uri(host.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
        return host;
    }

    public IReadOnlyList<(string Path, string? Authorization)> Requests()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
