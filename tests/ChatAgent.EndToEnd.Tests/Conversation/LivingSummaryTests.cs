using Vigil.ChatAgent.EndToEnd.Tests.Host;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>One summary per design thread: posted when a real risk appears, edited (never re-posted) as the thread changes.</summary>
public sealed class LivingSummaryTests : IAsyncLifetime
{
    private const string Webhook = "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.";
    private const string WebhookWithHmac = Webhook + " The handler verifies the HMAC-SHA256 signature of every webhook with the shared secret and rejects events older than 5 minutes.";
    private const string Orders = "When the webhook says paid, payments-api marks the order paid in the orders Postgres database.";
    private const string UnverifiedWebhook = "Inbound webhook or callback accepted without verifying the sender";

    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync();

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Fact]
    public async Task A_risky_thread_gets_one_summary_and_an_edit_adding_the_control_updates_it_showing_the_risk_resolved()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, parent));
        await vigil.PostEventAsync(SlackEvents.Message("U-ben", Orders, SlackEvents.Ts(2), parent));

        var summary = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        Assert.Contains(UnverifiedWebhook, summary.Blocks!.ToJsonString(), StringComparison.Ordinal);

        await vigil.PostEventAsync(SlackEvents.Edit("U-ana", WebhookWithHmac, Webhook, parent, threadTs: null, editTs: SlackEvents.Ts(3)));

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Calls("chat.update").Any(c => c.Argument("ts") == summary.Ts), TimeSpan.FromSeconds(60));
        var updated = vigil.Slack.Messages(VigilUnderTest.Channel).Single(m => m.Ts == summary.Ts);
        var blocks = updated.Blocks!.ToJsonString();
        Assert.Contains($"~{UnverifiedWebhook}~", blocks, StringComparison.Ordinal);
        Assert.Contains("resolved", blocks, StringComparison.OrdinalIgnoreCase);
        Assert.Single(vigil.Slack.Messages(VigilUnderTest.Channel), m => m.User == vigil.Slack.BotUserId && m.ThreadTs == parent);
    }

    [Fact]
    public async Task Deleting_the_message_that_raised_a_risk_shows_it_resolved_in_the_summary()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", "Design review for the payouts service, notes below.", parent));
        await vigil.PostEventAsync(SlackEvents.Message("U-ben", Webhook, SlackEvents.Ts(2), parent));
        var summary = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        Assert.Contains(UnverifiedWebhook, summary.Blocks!.ToJsonString(), StringComparison.Ordinal);

        await vigil.PostEventAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_deleted", ["hidden"] = true, ["channel"] = VigilUnderTest.Channel,
            ["ts"] = SlackEvents.Ts(3), ["deleted_ts"] = SlackEvents.Ts(2), ["channel_type"] = "channel",
            ["previous_message"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "message", ["user"] = "U-ben", ["text"] = Webhook, ["ts"] = SlackEvents.Ts(2), ["thread_ts"] = parent },
        });

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Calls("chat.update").Any(c => c.Argument("ts") == summary.Ts), TimeSpan.FromSeconds(60));
        var updated = vigil.Slack.Messages(VigilUnderTest.Channel).Single(m => m.Ts == summary.Ts).Blocks!.ToJsonString();
        Assert.Contains($"~{UnverifiedWebhook}~", updated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_made_by_command_shows_the_finding_decided_in_the_summary()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, parent));
        var summary = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        var findingId = System.Text.RegularExpressions.Regex.Match(summary.Blocks!.ToJsonString(), @"F-[0-9a-f]{8}").Value;

        await vigil.PostCommandAsync($"status {findingId} mitigated \"HMAC check added in PR 412\"", user: "U-sec");

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Calls("chat.update").Any(c => c.Argument("ts") == summary.Ts), TimeSpan.FromSeconds(30));
        var updated = vigil.Slack.Messages(VigilUnderTest.Channel).Single(m => m.Ts == summary.Ts).Blocks!.ToJsonString();
        Assert.Contains("HMAC check added in PR 412", updated, StringComparison.Ordinal);
        Assert.Contains("resolved", updated, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_thread_with_only_low_risks_gets_no_summary()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", "The reporting job reads from the analytics Postgres replica once a night.", parent));
        await vigil.PostEventAsync(SlackEvents.Message("U-ben", "Sounds good, it only reads aggregated counts.", SlackEvents.Ts(2), parent));
        // A second, risky thread proves the notifier ran meanwhile: once its summary is out, the quiet thread had its turn.
        var other = SlackEvents.Ts(10);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, other));

        await vigil.BotMessageAsync(m => m.ThreadTs == other);

        Assert.DoesNotContain(vigil.Slack.Messages(VigilUnderTest.Channel), m => m.User == vigil.Slack.BotUserId && m.ThreadTs == parent);
    }
}
