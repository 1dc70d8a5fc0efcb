using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Bench;

/// <summary>
/// Stands in for slack.com/api on a loopback port: whatever the host's worker calls (chat.postMessage,
/// conversations.info…) succeeds at once, so the benchmark measures Vigil and not a network. Calls are counted per
/// method for the report.
/// </summary>
internal sealed class SlackApiStub : IAsyncDisposable
{
    private static readonly byte[] Ok = """{"ok":true,"ts":"1.1"}"""u8.ToArray();
    private readonly WebApplication app;

    private SlackApiStub(WebApplication app) => this.app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public static async Task<SlackApiStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new SlackApiStub(builder.Build());
        stub.app.Run(async context =>
        {
            stub.Calls.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(Ok, context.RequestAborted);
        });
        await stub.app.StartAsync(cancellationToken);
        var address = stub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
