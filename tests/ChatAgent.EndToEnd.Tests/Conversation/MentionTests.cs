using System.Text.Json.Nodes;
using Vigil.ChatAgent.EndToEnd.Tests.Host;
using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Evaluation;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>A design thread told to Vigil as Slack tells it, then a question: the answer in the thread.</summary>
public sealed class MentionTests : IAsyncLifetime
{
    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync();

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Theory]
    [InlineData("07-multitenant-postgres")]
    [InlineData("09-llm-support-bot-rag")]
    public async Task A_mention_in_a_corpus_thread_answers_in_the_thread_naming_every_expected_threat(string caseId)
    {
        var folder = Path.Combine(RepositoryPaths.Corpus, caseId);
        var (messages, _) = ThreadFile.Parse("thread.json", await File.ReadAllTextAsync(Path.Combine(folder, "thread.json"), TestContext.Current.CancellationToken), 0);
        var expected = ExpectedCase.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "expected.json"), TestContext.Current.CancellationToken));
        var parent = SlackEvents.Ts(1);
        for (var i = 0; i < messages.Count; i++)
        {
            var (response, _) = await vigil.PostEventAsync(SlackEvents.Message(messages[i].Author ?? "U-dev", messages[i].Text, SlackEvents.Ts(i + 1), i == 0 ? null : parent));
            response.EnsureSuccessStatusCode();
        }

        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-dev", "what are the risks here?", SlackEvents.Ts(99), parent));
        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent);

        // The same analysis the host ran, to know which finding ids answer which expected threat.
        var findings = ThreatAnalyzer.Default.Analyze(messages, "thread").Findings;
        var named = Named(answer);
        var missing = expected.Threats
            .Where(threat => !findings.Any(f => named.Contains(f.Id) && ThreatMatcher.Matches(threat, f)))
            .Select(threat => $"{threat.Id} {threat.Summary}")
            .ToList();
        Assert.True(missing.Count == 0, $"the answer does not name: {string.Join("; ", missing)}\n--- answer ---\n{answer.Text}\n{answer.Blocks}");
        Assert.Contains("open risk", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>The finding ids an answer names: in its buttons and in its text.</summary>
    private static HashSet<string> Named(Fakes.FakeSlackMessage answer)
    {
        var text = answer.Text + (answer.Blocks?.ToJsonString() ?? "");
        return System.Text.RegularExpressions.Regex.Matches(text, @"F-[0-9a-f]{8}").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_mention_in_a_thread_that_began_before_vigil_was_invited_reads_the_thread_first()
    {
        var parent = SlackEvents.Ts(1);
        vigil.Slack.SeedThread(VigilUnderTest.Channel, parent,
            ("U-ana", "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.", null),
            ("U-ben", "When the webhook says paid, payments-api marks the order paid in the orders Postgres database.", null),
            ("U-ana", "Agreed, let's ship it Friday.", null),
            ("U-ben", "I'll write the handler.", null));

        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(9), parent));

        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        Assert.Contains("Inbound webhook or callback accepted without verifying the sender", answer.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, vigil.Slack.Calls("conversations.replies").Count);
    }

    [Fact]
    public async Task A_rule_disabled_for_the_workspace_no_longer_shows_in_answers()
    {
        const string webhook = "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.";
        var ruleId = ThreatAnalyzer.Default.Analyze([new Vigil.ThreatModel.Sources.SourceDocument("m", Vigil.ThreatModel.Sources.SourceKind.Message, webhook, 0)], "t")
            .Findings.Single(f => f.Title == "Inbound webhook or callback accepted without verifying the sender").RuleId;
        await vigil.PostCommandAsync($"rules disable {ruleId} \"our gateway verifies every webhook\"", user: "U-sec");
        await vigil.Slack.WaitForAsync(() => vigil.Slack.Responses().Count > 0, TimeSpan.FromSeconds(30));
        var parent = SlackEvents.Ts(1);

        await vigil.PostEventAsync(SlackEvents.Message("U-ana", webhook, parent));
        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(2), parent));

        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent && m.Text.Contains("open risk", StringComparison.Ordinal));
        Assert.DoesNotContain("Inbound webhook or callback accepted without verifying the sender", answer.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("is off in this workspace", vigil.Slack.Responses().Single().Message.ToJsonString(), StringComparison.Ordinal);
        var audit = Assert.Single(await vigil.Service<Vigil.ChatAgent.Conversation.Tuning.RuleTuning>().HistoryAsync("T-fake", TestContext.Current.CancellationToken));
        Assert.Equal(("U-sec", "our gateway verifies every webhook"), (audit.Actor, audit.Reason));
    }
}
