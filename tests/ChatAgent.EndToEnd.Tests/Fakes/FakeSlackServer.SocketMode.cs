using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.ChatAgent.EndToEnd.Tests.SocketMode;

namespace Vigil.ChatAgent.EndToEnd.Tests.Fakes;

/// <summary>
/// Socket Mode on the same fake: apps.connections.open (with the app-level token) hands out a WebSocket URL on this
/// server, where a test plays Slack's side of the envelope protocol through <see cref="NextLinkAsync"/>.
/// </summary>
public sealed partial class FakeSlackServer
{
    public const string AppToken = "xapp-1-A-vigil-1-fakefakefake";

    private readonly Channel<SlackLink> links = Channel.CreateUnbounded<SlackLink>();
    private int tickets;

    /// <summary>The next Socket Mode connection a client opens, after Vigil's hello was sent on it.</summary>
    internal async Task<SlackLink> NextLinkAsync(CancellationToken cancellationToken) => await links.Reader.ReadAsync(cancellationToken);

    private void MapSocketMode()
    {
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", (HttpContext context) =>
        {
            Record("apps.connections.open", context.Request, []);
            if (context.Request.Headers.Authorization.ToString() != $"Bearer {AppToken}")
            {
                return Results.Json(new { ok = false, error = "invalid_auth" });
            }

            return Results.Json(new { ok = true, url = $"ws://{context.Request.Host}/link/?ticket={Interlocked.Increment(ref tickets)}" });
        });
        app.Map("/link", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var ticket = int.Parse(context.Request.Query["ticket"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var link = new SlackLink(ticket, socket, context, _ => { });
            var running = link.RunAsync();
            await link.SendAsync(Frames.Hello(), CancellationToken.None);
            links.Writer.TryWrite(link);
            await running;
        });
    }
}
