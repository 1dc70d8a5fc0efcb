using Microsoft.Extensions.Time.Testing;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;
using static Vigil.ChatAgent.Tests.Conversation.Digest.DigestDesigns;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

public sealed class ModelHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Start = Monday.AddDays(-21);
    private readonly DigestWorkspace workspace = new(new FakeTimeProvider(Monday));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task SaveAsync(string threadKey, string name, DateTimeOffset at, AnalysisResult analysis) =>
        workspace.SaveAsync(threadKey, name, at, analysis, Cancel);

    [Fact]
    public async Task As_of_a_time_each_thread_shows_its_latest_version_created_by_then()
    {
        await SaveAsync("T1/C1/-", "#payments", at: Start, Payments.Only(Payments.Findings[0]));
        await SaveAsync("T1/C1/-", "#payments", at: Start.AddDays(10), Payments);
        await SaveAsync("T1/C2/1700000000.000100", "#pii thread", at: Start.AddDays(12), PiiExport);
        await SaveAsync("T10/C1/-", "#other-workspace", at: Start, Payments);
        await SaveAsync("T2/C1/-", "#other-workspace", at: Start, Payments);

        var before = await workspace.History.LatestAsOfAsync("T1", Start.AddDays(10).AddMilliseconds(-1), Cancel);
        var after = await workspace.History.LatestAsOfAsync("T1", Start.AddDays(12), Cancel);

        var only = Assert.Single(before);
        Assert.Equal(("T1/C1/-", "#payments", 1, Start), (only.ThreadKey, only.Name, only.Version, only.CreatedAt));
        Assert.Single(AnalysisJson.Deserialize(only.Json).Findings);
        Assert.Equal([("T1/C1/-", 2), ("T1/C2/1700000000.000100", 1)], after.Select(v => (v.ThreadKey, v.Version)));
        Assert.Equal(Payments.Findings.Count, AnalysisJson.Deserialize(after[0].Json).Findings.Count);
    }

    [Fact]
    public async Task Before_any_analysis_a_workspace_has_no_threads()
    {
        await SaveAsync("T1/C1/-", "#payments", at: Start.AddDays(1), Payments);

        Assert.Empty(await workspace.History.LatestAsOfAsync("T1", Start, Cancel));
    }

    [Fact]
    public async Task A_finding_is_first_seen_when_the_earliest_version_of_any_thread_held_it()
    {
        var (a, b) = (Payments.Findings[0], Payments.Findings[1]);
        await SaveAsync("T1/C1/-", "#payments", at: Start, Payments.Only(a));
        await SaveAsync("T1/C1/-", "#payments", at: Start.AddDays(5), Payments.Only(a, b));
        await SaveAsync("T1/C2/-", "#payments-v2", at: Start.AddDays(2), Payments.Only(b));
        await SaveAsync("T2/C1/-", "#elsewhere", at: Start.AddDays(-30), PiiExport);

        var firstSeen = await workspace.History.FirstSeenAsync("T1", Cancel);

        Assert.Equal(Start, firstSeen[a.Id]);
        Assert.Equal(Start.AddDays(2), firstSeen[b.Id]);
        Assert.Equal(2, firstSeen.Count);
    }

    public void Dispose() => workspace.Dispose();
}
