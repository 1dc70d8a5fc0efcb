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
}
