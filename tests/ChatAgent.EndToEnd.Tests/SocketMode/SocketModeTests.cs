using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.ChatAgent.Slack;
using Vigil.ChatAgent.Slack.SocketMode;

namespace Vigil.ChatAgent.EndToEnd.Tests.SocketMode;

/// <summary>
/// The Socket Mode client against a Slack stand-in on loopback that speaks the real protocol: apps.connections.open
/// over HTTP, then envelopes and acks over a WebSocket.
/// </summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private readonly CancellationTokenSource hangGuard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly CapturedLog log = new();
    private FakeSocketModeSlack slack = null!;
    private ServiceProvider? services;
    private SlackSocketMode? client;

    public SocketModeTests() => hangGuard.CancelAfter(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => hangGuard.Token;

    public async ValueTask InitializeAsync() => slack = await FakeSocketModeSlack.StartAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.StopAsync(CancellationToken.None);
        }

        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await slack.DisposeAsync();
        hangGuard.Dispose();
    }

    [Fact]
    public async Task Every_envelope_is_acknowledged_with_its_envelope_id()
    {
        var inbound = new RecordingInbound();
        await StartClientAsync(inbound);
        var link = await slack.NextLinkAsync(Ct);

        await link.SendAsync(Frames.AppMention("env-event", "Ev111", "threat model this thread"), Ct);
        await link.SendAsync(Frames.SlashCommand("env-command", "/vigil", "status"), Ct);
        await link.SendAsync(Frames.ViewSubmission("env-interaction", acceptsResponsePayload: false), Ct);
        var acks = new[] { await link.NextAckAsync(Ct), await link.NextAckAsync(Ct), await link.NextAckAsync(Ct) };

        Assert.Equal(["env-event", "env-command", "env-interaction"], acks.Select(a => a.GetProperty("envelope_id").GetString()));
        Assert.All(acks, a => Assert.False(a.TryGetProperty("payload", out _)));
        var mention = Assert.Single(inbound.Events);
        Assert.Equal("Ev111", mention.GetProperty("event_id").GetString());
        Assert.Equal("app_mention", mention.GetProperty("event").GetProperty("type").GetString());
        Assert.Equal("/vigil", Assert.Single(inbound.Commands)["command"]);
        Assert.Equal("view_submission", Assert.Single(inbound.Interactions).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Slash_command_ack_carries_the_response_the_inbox_returned()
    {
        var inbound = new RecordingInbound { CommandReply = new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Modelling the thread…" } };
        await StartClientAsync(inbound);
        var link = await slack.NextLinkAsync(Ct);

        await link.SendAsync(Frames.SlashCommand("env-1", "/threat", "model"), Ct);
        var ack = await link.NextAckAsync(Ct);

        Assert.Equal("env-1", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("ephemeral", ack.GetProperty("payload").GetProperty("response_type").GetString());
        Assert.Equal("Modelling the thread…", ack.GetProperty("payload").GetProperty("text").GetString());
        var fields = Assert.Single(inbound.Commands);
        Assert.Equal("/threat", fields["command"]);
        Assert.Equal("model", fields["text"]);
        Assert.Equal("C111", fields["channel_id"]);
        Assert.Equal("false", fields["is_enterprise_install"]);
    }

    [Fact]
    public async Task Response_action_rides_on_the_ack_only_when_slack_accepts_a_payload()
    {
        var errors = new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { ["reason"] = "Say why the risk is accepted" } };
        await StartClientAsync(new RecordingInbound { InteractionReply = errors });
        var link = await slack.NextLinkAsync(Ct);

        await link.SendAsync(Frames.ViewSubmission("env-accepts", acceptsResponsePayload: true), Ct);
        await link.SendAsync(Frames.ViewSubmission("env-refuses", acceptsResponsePayload: false), Ct);
        var accepted = await link.NextAckAsync(Ct);
        var refused = await link.NextAckAsync(Ct);

        Assert.Equal("errors", accepted.GetProperty("payload").GetProperty("response_action").GetString());
        Assert.Equal("env-refuses", refused.GetProperty("envelope_id").GetString());
        Assert.False(refused.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Envelope_whose_inbox_call_throws_is_not_acknowledged_so_slack_delivers_it_again()
    {
        var inbound = new RecordingInbound();
        await StartClientAsync(inbound);
        var link = await slack.NextLinkAsync(Ct);

        await link.SendAsync(Frames.AppMention("env-lost", "Ev1", $"{RecordingInbound.Poison} threat model"), Ct);
        await link.SendAsync(Frames.AppMention("env-kept", "Ev2", "threat model"), Ct);
        var first = await link.NextAckAsync(Ct);

        // Envelopes are handled in order, so an ack for env-lost would have come first.
        Assert.Equal("env-kept", first.GetProperty("envelope_id").GetString());
        Assert.Equal(["Ev1", "Ev2"], inbound.Events.Select(e => e.GetProperty("event_id").GetString()));
        Assert.Contains(log.Lines, l => l.Contains("env-lost", StringComparison.Ordinal) && l.Contains("not acknowledged", StringComparison.Ordinal));
        Assert.False(link.HasPendingAck);
    }

    [Fact]
    public async Task Message_split_across_frames_is_reassembled_into_one_envelope()
    {
        var inbound = new RecordingInbound();
        await StartClientAsync(inbound);
        var link = await slack.NextLinkAsync(Ct);

        await link.SendInPiecesAsync(Frames.AppMention("env-split", "Ev-split", new string('x', 9000)), pieces: 5, Ct);
        var ack = await link.NextAckAsync(Ct);

        Assert.Equal("env-split", ack.GetProperty("envelope_id").GetString());
        Assert.EndsWith(new string('x', 9000), Assert.Single(inbound.Events).GetProperty("event").GetProperty("text").GetString());
    }

    [Fact]
    public async Task After_a_disconnect_the_next_connection_is_opened_before_the_old_one_is_closed()
    {
        var inbound = new RecordingInbound();
        await StartClientAsync(inbound);
        var first = await slack.NextLinkAsync(Ct);
        var nextOpen = slack.HoldNextOpen();

        await first.SendAsync(Frames.Disconnect("warning"), Ct);
        await first.SendAsync(Frames.AppMention("env-meanwhile", "Ev-meanwhile", "still here?"), Ct);
        var meanwhile = await first.NextAckAsync(Ct);
        nextOpen.SetResult();
        var second = await slack.NextLinkAsync(Ct);
        var closeStatus = await first.Closed.WaitAsync(Ct);
        await second.SendAsync(Frames.AppMention("env-after", "Ev-after", "threat model"), Ct);
        var after = await second.NextAckAsync(Ct);

        Assert.Equal("env-meanwhile", meanwhile.GetProperty("envelope_id").GetString());
        Assert.Equal(2, slack.OpenCalls.Count);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closeStatus);
        Assert.True(
            slack.Timeline.ToList().IndexOf("link 2 connected") < slack.Timeline.ToList().IndexOf("client closed link 1"),
            string.Join(", ", slack.Timeline));
        Assert.Equal("env-after", after.GetProperty("envelope_id").GetString());
        Assert.Equal(["Ev-meanwhile", "Ev-after"], inbound.Events.Select(e => e.GetProperty("event_id").GetString()));
    }

    [Fact]
    public async Task After_the_socket_drops_a_new_url_is_fetched_and_envelopes_keep_arriving()
    {
        var inbound = new RecordingInbound();
        await StartClientAsync(inbound);
        var first = await slack.NextLinkAsync(Ct);

        first.Drop();
        var second = await slack.NextLinkAsync(Ct);
        await second.SendAsync(Frames.AppMention("env-after-drop", "Ev-after-drop", "threat model"), Ct);
        var ack = await second.NextAckAsync(Ct);

        Assert.Equal(2, slack.OpenCalls.Count);
        Assert.Equal(2, second.Ticket);
        Assert.Equal("env-after-drop", ack.GetProperty("envelope_id").GetString());
        Assert.Contains(log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("ended; reconnecting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task App_token_is_sent_only_in_the_authorization_header_of_apps_connections_open()
    {
        await StartClientAsync(new RecordingInbound());
        var link = await slack.NextLinkAsync(Ct);
        await link.SendAsync(Frames.AppMention("env-1", "Ev1", "threat model"), Ct);
        await link.NextAckAsync(Ct);

        var open = Assert.Single(slack.OpenCalls);
        Assert.Equal($"Bearer {FakeSocketModeSlack.AppToken}", open.Authorization);
        Assert.DoesNotContain(FakeSocketModeSlack.AppToken, open.Query + open.Body, StringComparison.Ordinal);
        var upgrade = Assert.Single(slack.LinkRequests);
        Assert.Equal("", upgrade.Authorization);
        Assert.DoesNotContain(FakeSocketModeSlack.AppToken, upgrade.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSocketModeSlack.AppToken, log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket=", log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("threat model", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_open_waits_for_retry_after_before_asking_again()
    {
        slack.Script(OpenReply.RateLimited(retryAfterSeconds: 1));
        await StartClientAsync(new RecordingInbound());

        var link = await slack.NextLinkAsync(Ct);

        var calls = slack.OpenCalls;
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1), $"asked again after {calls[1].At - calls[0].At}");
        Assert.Equal(1, link.Ticket);
    }

    [Fact]
    public async Task Open_refused_by_slack_is_logged_with_its_error_code_and_retried()
    {
        slack.Script(OpenReply.Refused("internal_error"));
        await StartClientAsync(new RecordingInbound());

        var link = await slack.NextLinkAsync(Ct);

        Assert.Equal(2, slack.OpenCalls.Count);
        Assert.Equal(1, link.Ticket);
        Assert.Contains(log.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("internal_error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_app_token_socket_mode_stays_off_and_says_so()
    {
        await StartClientAsync(new RecordingInbound(), appToken: null);

        await client!.ExecuteTask!.WaitAsync(Ct);

        Assert.Empty(slack.OpenCalls);
        Assert.Contains(log.Lines, l => l.Contains("Socket Mode is off: Slack:AppToken is not set", StringComparison.Ordinal));
    }

    private async Task StartClientAsync(RecordingInbound inbound, string? appToken = FakeSocketModeSlack.AppToken)
    {
        services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
            .Configure<SlackOptions>(o =>
            {
                o.AppToken = appToken;
                o.ApiBaseUrl = slack.ApiBaseUrl;
            })
            .AddSingleton<ISlackInbound>(inbound)
            .AddSlackSocketMode()
            .BuildServiceProvider();
        client = Assert.Single(services.GetServices<IHostedService>().OfType<SlackSocketMode>());
        await client.StartAsync(Ct);
    }
}
