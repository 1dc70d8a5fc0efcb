using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.ChatAgent.EndToEnd.Tests.SocketMode;

/// <summary>
/// Slack's side of Socket Mode on loopback: <c>POST /api/apps.connections.open</c> (checks the app token in the
/// Authorization header, hands out single-use <c>ws://…/link/?ticket=N</c> URLs) and the <c>/link</c> WebSocket,
/// which says hello first, as Slack does. Records every call and the order in which connections came and went.
/// </summary>
internal sealed class FakeSocketModeSlack : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A111-222-c0ffeec0ffee";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<OpenCall> openCalls = new();
    private readonly ConcurrentQueue<LinkRequest> linkRequests = new();
    private readonly ConcurrentQueue<string> timeline = new();
    private readonly ConcurrentQueue<OpenReply> scripted = new();
    private readonly ConcurrentQueue<TaskCompletionSource> holds = new();
    private readonly Channel<SlackLink> links = Channel.CreateUnbounded<SlackLink>();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int tickets;

    private FakeSocketModeSlack(WebApplication app) => this.app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public IReadOnlyList<OpenCall> OpenCalls => [.. openCalls];

    public IReadOnlyList<LinkRequest> LinkRequests => [.. linkRequests];

    /// <summary>What happened, in order: "open 1", "link 1 connected", "client closed link 1"…</summary>
    public IReadOnlyList<string> Timeline => [.. timeline];

    public static async Task<FakeSocketModeSlack> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var slack = new FakeSocketModeSlack(builder.Build());
        slack.Map();
        await slack.app.StartAsync(cancellationToken);
        var address = slack.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        slack.ApiBaseUrl = new Uri(address + "/api/");
        return slack;
    }

    /// <summary>The next calls to apps.connections.open get these answers instead of a URL.</summary>
    public void Script(params OpenReply[] replies)
    {
        foreach (var reply in replies)
        {
            scripted.Enqueue(reply);
        }
    }

    /// <summary>Keeps the next apps.connections.open waiting until the returned source is completed.</summary>
    public TaskCompletionSource HoldNextOpen()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        holds.Enqueue(hold);
        return hold;
    }

    public async Task<SlackLink> NextLinkAsync(CancellationToken cancellationToken) => await links.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void Map()
    {
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var call = new OpenCall(request.Headers.Authorization.ToString(), request.QueryString.Value ?? "", body, clock.Elapsed);
            openCalls.Enqueue(call);
            timeline.Enqueue($"open {openCalls.Count}");
            if (holds.TryDequeue(out var hold))
            {
                await hold.Task;
            }

            if (call.Authorization != $"Bearer {AppToken}")
            {
                return Results.Json(new { ok = false, error = "invalid_auth" });
            }

            if (scripted.TryDequeue(out var reply))
            {
                if (reply.RetryAfterSeconds is { } seconds)
                {
                    request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.Json(new { ok = false, error = reply.Error }, statusCode: reply.Status);
            }

            var ticket = Interlocked.Increment(ref tickets);
            return Results.Json(new { ok = true, url = $"ws://{request.Host}/link/?ticket={ticket}" });
        });
        app.Map("/link", async (HttpContext context) =>
        {
            linkRequests.Enqueue(new LinkRequest(context.Request.Headers.Authorization.ToString(), context.Request.QueryString.Value ?? ""));
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var ticket = int.Parse(context.Request.Query["ticket"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var link = new SlackLink(ticket, socket, context, timeline.Enqueue);
            timeline.Enqueue($"link {ticket} connected");
            var running = link.RunAsync();
            await link.SendAsync(Frames.Hello(), CancellationToken.None);
            links.Writer.TryWrite(link);
            await running;
        });
    }
}

/// <summary>One apps.connections.open request as Slack saw it.</summary>
internal sealed record OpenCall(string Authorization, string Query, string Body, TimeSpan At);

/// <summary>The WebSocket upgrade request as Slack saw it.</summary>
internal sealed record LinkRequest(string Authorization, string Query);

/// <summary>A scripted failure of apps.connections.open.</summary>
internal sealed record OpenReply(int Status, string Error, int? RetryAfterSeconds = null)
{
    public static OpenReply RateLimited(int retryAfterSeconds) => new(StatusCodes.Status429TooManyRequests, "ratelimited", retryAfterSeconds);

    public static OpenReply Refused(string error) => new(StatusCodes.Status200OK, error);
}
