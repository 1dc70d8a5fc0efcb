using System.Net;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.EndToEnd.Tests.Host;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary><c>/threat</c>: acknowledged at once, answered through response_url, long results as uploaded files.</summary>
public sealed class CommandTests : IAsyncLifetime
{
    private const string Webhook = "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.";
    private const string Orders = "When the webhook says paid, payments-api marks the order paid in the orders Postgres database.";

    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync();

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    private async Task ModelledThreadAsync()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, parent));
        await vigil.PostEventAsync(SlackEvents.Message("U-ben", Orders, SlackEvents.Ts(2), parent));
        // The living summary is posted once the thread's model exists and the thread went quiet.
        await vigil.BotMessageAsync(m => m.ThreadTs == parent);
    }

    [Fact]
    public async Task Report_answers_through_the_response_url_and_uploads_the_full_markdown_report()
    {
        await ModelledThreadAsync();

        var ack = await vigil.PostCommandAsync("report");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0 && vigil.Slack.Uploads().Count > 0, TimeSpan.FromSeconds(30));
        var response = vigil.Slack.Responses().Single().Message;
        Assert.Equal("in_channel", (string?)response["response_type"]);
        Assert.Contains("Threat report", (string?)response["text"], StringComparison.Ordinal);
        var upload = vigil.Slack.Uploads().Single();
        var markdown = System.Text.Encoding.UTF8.GetString(upload.Bytes);
        Assert.Contains("Inbound webhook or callback accepted without verifying the sender", markdown, StringComparison.Ordinal);
        Assert.Null(upload.Authorization);
        Assert.Equal(VigilUnderTest.Channel, vigil.Slack.Calls("files.completeUploadExternal").Single().Argument("channel_id"));
    }

    [Fact]
    public async Task Report_on_a_service_by_name_covers_the_threads_that_model_it_and_an_unknown_one_says_so()
    {
        await ModelledThreadAsync();

        await vigil.PostCommandAsync("report payments-api");
        await vigil.PostCommandAsync("report billing-engine");

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count == 2 && vigil.Slack.Uploads().Count > 0, TimeSpan.FromSeconds(30));
        var texts = vigil.Slack.Responses().Select(r => (string?)r.Message["text"] ?? "").ToList();
        Assert.Contains(texts, t => t.StartsWith("Threat report for “payments-api”", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("I have no model of “billing-engine” yet", StringComparison.Ordinal));
        Assert.Single(vigil.Slack.Uploads());
    }

    [Fact]
    public async Task Model_uploads_the_data_flow_diagram_as_a_png()
    {
        await ModelledThreadAsync();

        await vigil.PostCommandAsync("model");

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Uploads().Count > 0, TimeSpan.FromSeconds(30));
        var png = vigil.Slack.Uploads().Single().Bytes;
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0, TimeSpan.FromSeconds(30));
        Assert.Contains("flowchart", vigil.Slack.Responses().Single().Message.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_records_the_decision_with_reason_and_actor_and_confirms_privately()
    {
        await vigil.PostCommandAsync("status F-1a2b3c4d accepted \"internal tool, replaced in Q3\" until 2099-09-30", user: "U-sec");

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0, TimeSpan.FromSeconds(30));
        var decision = Assert.Single(await vigil.Service<FindingLedger>().HistoryAsync("T-fake", "F-1a2b3c4d", TestContext.Current.CancellationToken));
        Assert.Equal((FindingStatus.Accepted, "internal tool, replaced in Q3", "U-sec"), (decision.Status, decision.Reason, decision.Actor));
        Assert.Equal(new DateTimeOffset(2099, 9, 30, 23, 59, 59, TimeSpan.Zero), decision.ExpiresAt);
        var response = vigil.Slack.Responses().Single().Message;
        Assert.Equal("ephemeral", (string?)response["response_type"]);
    }

    [Fact]
    public async Task Status_without_a_reason_is_refused_and_nothing_is_recorded()
    {
        await vigil.PostCommandAsync("status F-1a2b3c4d mitigated");

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0, TimeSpan.FromSeconds(30));
        Assert.Contains("Say why", vigil.Slack.Responses().Single().Message.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await vigil.Service<FindingLedger>().HistoryAsync("T-fake", "F-1a2b3c4d", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unwatched_channel_is_not_read_and_gets_no_summary()
    {
        await vigil.PostCommandAsync("unwatch");
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0, TimeSpan.FromSeconds(30));

        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, SlackEvents.Ts(1)));
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", Webhook, SlackEvents.Ts(20), channel: "C-other"));

        await vigil.BotMessageAsync(m => m.ThreadTs == SlackEvents.Ts(20), channel: "C-other");
        Assert.DoesNotContain(vigil.Slack.Messages(VigilUnderTest.Channel), m => m.User == vigil.Slack.BotUserId);
    }

    [Fact]
    public async Task With_tuning_admins_set_only_they_can_switch_a_rule_off()
    {
        await vigil.DisposeAsync();
        vigil = await VigilUnderTest.StartAsync("--Tuning:Admins:0=U-sec");
        var rule = vigil.Service<Vigil.ThreatModel.Analysis.ThreatAnalyzer>().Catalog.Rules[0].Id;

        await vigil.PostCommandAsync($"rules disable {rule} \"too noisy\"", user: "U-dev");
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count == 1, TimeSpan.FromSeconds(30));
        await vigil.PostCommandAsync($"rules disable {rule} \"covered by the gateway\"", user: "U-sec");
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count == 2, TimeSpan.FromSeconds(30));

        Assert.Contains("can tune rules here", (string?)vigil.Slack.Responses()[0].Message["text"], StringComparison.Ordinal);
        var audit = Assert.Single(await vigil.Service<Vigil.ChatAgent.Conversation.Tuning.RuleTuning>().HistoryAsync("T-fake", TestContext.Current.CancellationToken));
        Assert.Equal(("U-sec", "covered by the gateway"), (audit.Actor, audit.Reason));
    }

    [Fact]
    public async Task Help_and_an_unknown_verb_answer_privately_with_the_commands()
    {
        await vigil.PostCommandAsync("help");
        await vigil.PostCommandAsync("frobnicate");

        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count == 2, TimeSpan.FromSeconds(30));
        Assert.All(vigil.Slack.Responses(), r => Assert.Equal("ephemeral", (string?)r.Message["response_type"]));
        Assert.Contains(vigil.Slack.Responses(), r => r.Message.ToJsonString().Contains("/threat status", StringComparison.Ordinal));
        Assert.Contains(vigil.Slack.Responses(), r => ((string?)r.Message["text"] ?? "").Contains("'frobnicate' is not a /threat command", StringComparison.Ordinal));
    }
}
