using System.Text.Json.Nodes;
using Vigil.ChatAgent.EndToEnd.Tests.Fakes;
using Vigil.ChatAgent.EndToEnd.Tests.Host;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>The whole host over Socket Mode: no public URL, events arrive on a WebSocket, answers go out over the Web API.</summary>
public sealed class SocketModeHostTests : IAsyncLifetime
{
    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync($"--Slack:AppToken={FakeSlackServer.AppToken}");

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Fact]
    public async Task A_mention_over_socket_mode_is_acked_and_answered_in_its_thread()
    {
        var link = await vigil.Slack.NextLinkAsync(TestContext.Current.CancellationToken);
        var parent = SlackEvents.Ts(1);

        await link.SendAsync(Envelope("env-1", SlackEvents.Message("U-ana", "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.", parent), "Ev-1"), TestContext.Current.CancellationToken);
        await link.SendAsync(Envelope("env-2", SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(2), parent), "Ev-2"), TestContext.Current.CancellationToken);

        var acks = new[] { await link.NextAckAsync(TestContext.Current.CancellationToken), await link.NextAckAsync(TestContext.Current.CancellationToken) };
        Assert.Equal(["env-1", "env-2"], acks.Select(a => a.GetProperty("envelope_id").GetString()));
        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent && m.Text.Contains("open risk", StringComparison.Ordinal));
        Assert.Contains("Inbound webhook or callback accepted without verifying the sender", answer.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.All(vigil.Slack.Calls("apps.connections.open"), c => Assert.Equal($"Bearer {FakeSlackServer.AppToken}", c.Authorization));
    }

    [Fact]
    public async Task A_slash_command_over_socket_mode_is_acked_and_answered_through_its_response_url()
    {
        var link = await vigil.Slack.NextLinkAsync(TestContext.Current.CancellationToken);
        var command = new JsonObject
        {
            ["envelope_id"] = "env-cmd",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["team_id"] = FakeSlackServer.TeamId, ["channel_id"] = VigilUnderTest.Channel, ["channel_name"] = "design",
                ["user_id"] = "U-ana", ["command"] = "/threat", ["text"] = "help",
                ["response_url"] = vigil.Slack.ResponseUrl().AbsoluteUri, ["trigger_id"] = "1.2.3",
            },
        };

        await link.SendAsync(command.ToJsonString(), TestContext.Current.CancellationToken);

        Assert.Equal("env-cmd", (await link.NextAckAsync(TestContext.Current.CancellationToken)).GetProperty("envelope_id").GetString());
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0, TimeSpan.FromSeconds(30));
        Assert.Contains("/threat status", vigil.Slack.Responses().Single().Message.ToJsonString(), StringComparison.Ordinal);
    }

    private string Envelope(string envelopeId, JsonObject inner, string eventId) => new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
        ["payload"] = new JsonObject
        {
            ["team_id"] = FakeSlackServer.TeamId,
            ["api_app_id"] = "A-vigil",
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1800000000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = FakeSlackServer.TeamId, ["user_id"] = vigil.Slack.BotUserId, ["is_bot"] = true }),
        },
    }.ToJsonString();
}
