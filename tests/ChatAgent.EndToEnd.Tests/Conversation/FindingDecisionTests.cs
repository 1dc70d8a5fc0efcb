using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.EndToEnd.Tests.Host;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>Humans decide: a button asks why, the answer is recorded with who and when, and the message shows it.</summary>
public sealed class FindingDecisionTests : IAsyncLifetime
{
    private const string Webhook = "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.";

    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync();

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Fact]
    public async Task A_button_press_opens_a_dialog_and_its_reason_is_recorded_with_the_actor_and_shown_on_the_message()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, parent));
        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(2), parent));
        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        var button = answer.Blocks!.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .First(e => (string?)e["action_id"] == "vigil.finding.mitigated");
        var findingId = (string)button["value"]!;

        var click = await vigil.PostInteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U-sec", ["username"] = "sec", ["team_id"] = "T-fake" },
            ["team"] = new JsonObject { ["id"] = "T-fake" },
            ["trigger_id"] = "111.222.trigger",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = answer.Ts, ["channel_id"] = VigilUnderTest.Channel },
            ["channel"] = new JsonObject { ["id"] = VigilUnderTest.Channel },
            ["message"] = new JsonObject { ["ts"] = answer.Ts, ["thread_ts"] = parent },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "vigil.finding.mitigated", ["block_id"] = $"finding:{findingId}", ["type"] = "button", ["value"] = findingId }),
        });
        click.EnsureSuccessStatusCode();
        var view = Assert.Single(vigil.Slack.OpenedViews());
        Assert.Equal("111.222.trigger", (string?)vigil.Slack.Calls("views.open").Single().Argument("trigger_id"));

        var empty = await vigil.PostInteractionAsync(Submission(view, ""));
        Assert.Contains("\"response_action\":\"errors\"", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var submit = await vigil.PostInteractionAsync(Submission(view, "HMAC-SHA256 check added in PR 412"));
        submit.EnsureSuccessStatusCode();

        var ledger = vigil.Service<FindingLedger>();
        await vigil.Slack.WaitForAsync(() => ledger.HistoryAsync("T-fake", findingId, CancellationToken.None).GetAwaiter().GetResult().Count > 0, TimeSpan.FromSeconds(30));
        var decision = Assert.Single(await ledger.HistoryAsync("T-fake", findingId, TestContext.Current.CancellationToken));
        Assert.Equal(FindingStatus.Mitigated, decision.Status);
        Assert.Equal("HMAC-SHA256 check added in PR 412", decision.Reason);
        Assert.Equal("U-sec", decision.Actor);
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Calls("chat.update").Any(c => c.Argument("ts") == answer.Ts), TimeSpan.FromSeconds(30));
        var redrawn = vigil.Slack.Messages(VigilUnderTest.Channel).Single(m => m.Ts == answer.Ts).Blocks!.ToJsonString();
        Assert.Contains("HMAC-SHA256 check added in PR 412", redrawn, StringComparison.Ordinal);
        Assert.Contains("U-sec", redrawn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_whose_message_cannot_be_redrawn_is_still_recorded_exactly_once()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, parent));
        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(2), parent));
        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        var findingId = answer.Blocks!.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).Select(e => (string)e["value"]!).First();
        await vigil.PostInteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U-sec", ["team_id"] = "T-fake" },
            ["team"] = new JsonObject { ["id"] = "T-fake" },
            ["trigger_id"] = "333.444.trigger",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = answer.Ts, ["channel_id"] = VigilUnderTest.Channel },
            ["message"] = new JsonObject { ["ts"] = answer.Ts, ["thread_ts"] = parent },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "vigil.finding.accepted", ["type"] = "button", ["value"] = findingId }),
        });
        var view = Assert.Single(vigil.Slack.OpenedViews());
        vigil.Slack.RefuseNext("chat.update", "message_not_found");

        var submit = await vigil.PostInteractionAsync(Submission(view, "internal tool until Q3"));
        submit.EnsureSuccessStatusCode();

        var ledger = vigil.Service<FindingLedger>();
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Calls("chat.update").Count > 0, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var decision = Assert.Single(await ledger.HistoryAsync("T-fake", findingId, TestContext.Current.CancellationToken));
        Assert.Equal(FindingStatus.Accepted, decision.Status);
    }

    [Fact]
    public async Task A_dialog_whose_hidden_state_is_garbled_is_answered_with_a_field_error_not_a_server_error()
    {
        var response = await vigil.PostInteractionAsync(Submission(new JsonObject { ["callback_id"] = "vigil.finding_status", ["private_metadata"] = "{\"findingId\": 42" }, "because"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"response_action\":\"errors\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>A view_submission of the dialog Vigil opened, with the reason typed in.</summary>
    private static JsonObject Submission(JsonObject openedView, string reason) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = "T-fake" },
        ["user"] = new JsonObject { ["id"] = "U-sec", ["team_id"] = "T-fake" },
        ["view"] = new JsonObject
        {
            ["id"] = "V-1",
            ["type"] = "modal",
            ["callback_id"] = openedView["callback_id"]!.DeepClone(),
            ["private_metadata"] = openedView["private_metadata"]!.DeepClone(),
            ["hash"] = $"h-{reason.Length}",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } },
                },
            },
        },
    };
}
