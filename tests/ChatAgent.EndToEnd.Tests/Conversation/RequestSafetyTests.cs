using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.EndToEnd.Tests.Host;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>What reaches /slack/* without being Slack, or as Slack's retries and odd payloads: refused or absorbed, and the host keeps serving.</summary>
public sealed class RequestSafetyTests : IAsyncLifetime
{
    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync();

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    private static string Envelope(string eventId, string text) => new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = Fakes.FakeSlackServer.TeamId,
        ["event_id"] = eventId,
        ["event"] = SlackEvents.Mention("U-vigil", "U-mallory", text, SlackEvents.Ts(1), null),
    }.ToJsonString();

    [Fact]
    public async Task Forged_unsigned_and_six_minute_old_requests_get_401_and_nothing_is_processed()
    {
        var forged = await vigil.PostSignedAsync("/slack/events", Envelope("EvForged", "what are the risks?"), "application/json", secret: "not-the-signing-secret");
        var stale = await vigil.PostSignedAsync("/slack/events", Envelope("EvStale", "what are the risks?"), "application/json", timestamp: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var unsigned = new StringContent(Envelope("EvUnsigned", "what are the risks?"), Encoding.UTF8, "application/json");
        var bare = await vigil.Http.PostAsync("/slack/events", unsigned, TestContext.Current.CancellationToken);
        var command = await vigil.PostSignedAsync("/slack/commands", "command=%2Fthreat&text=digest&team_id=T-fake&channel_id=C-design", "application/x-www-form-urlencoded", secret: "forged");
        var interaction = await vigil.PostSignedAsync("/slack/interactions", "payload=%7B%7D", "application/x-www-form-urlencoded", timestamp: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.All(new[] { forged, stale, bare, command, interaction }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(await vigil.Service<ConversationInbox>().CountsAsync(TestContext.Current.CancellationToken));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Empty(vigil.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task The_same_event_delivered_three_times_gets_one_reply()
    {
        var mention = SlackEvents.Mention(vigil.Slack.BotUserId, "U-dev", "help", SlackEvents.Ts(5), null);

        var first = await vigil.PostEventAsync(mention, eventId: "EvRetried");
        var second = await vigil.PostEventAsync(mention, eventId: "EvRetried", retryNum: 1);
        var third = await vigil.PostEventAsync(mention, eventId: "EvRetried", retryNum: 2);

        Assert.All(new[] { first.Response, second.Response, third.Response }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await vigil.BotMessageAsync(m => m.ThreadTs == SlackEvents.Ts(5));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Single(vigil.Slack.Messages(VigilUnderTest.Channel), m => m.User == vigil.Slack.BotUserId);
    }

    [Fact]
    public async Task Malformed_json_an_oversized_body_and_an_unknown_event_are_answered_400_413_and_200_and_the_host_keeps_serving()
    {
        var malformed = await vigil.PostSignedAsync("/slack/events", "{\"type\": \"event_callback\", \"event\": ", "application/json");
        var oversized = await vigil.PostSignedAsync("/slack/events", "{\"pad\":\"" + new string('x', 1024 * 1024 + 10) + "\"}", "application/json");
        var unknown = await vigil.PostEventAsync(new JsonObject { ["type"] = "reaction_added", ["user"] = "U1", ["reaction"] = "tada" });
        var notAnObject = await vigil.PostSignedAsync("/slack/events", "[1,2,3]", "application/json");
        var noPayload = await vigil.PostSignedAsync("/slack/interactions", "something=else", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPayload.StatusCode);
        Assert.Empty(await vigil.Service<ConversationInbox>().CountsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await vigil.Http.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var body = new JsonObject { ["token"] = "legacy", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" }.ToJsonString();

        var response = await vigil.PostSignedAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["challenge"]!.GetValue<string>();
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", echoed);
    }
}
