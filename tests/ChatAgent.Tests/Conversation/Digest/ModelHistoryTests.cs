using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Export;
using static Vigil.ChatAgent.Tests.Conversation.Digest.DigestDesigns;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

public sealed class ModelHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Start = Monday.AddDays(-21);
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-history-").FullName;
    private readonly FakeTimeProvider time = new(Start);
    private readonly IngestionDatabase database;
    private readonly ModelVersions versions;
    private readonly ModelHistory history;

    public ModelHistoryTests()
    {
        database = new IngestionDatabase(Path.Combine(folder, "ingestion.db"));
        versions = new ModelVersions(database, time);
        history = new ModelHistory(database);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task As_of_a_time_each_thread_shows_its_latest_version_created_by_then()
    {
        await SaveAsync("T1/C1/-", "#payments", at: Start, Payments.Only(Payments.Findings[0]));
        await SaveAsync("T1/C1/-", "#payments", at: Start.AddDays(10), Payments);
        await SaveAsync("T1/C2/1700000000.000100", "#pii thread", at: Start.AddDays(12), PiiExport);
        await SaveAsync("T10/C1/-", "#other-workspace", at: Start, Payments);
        await SaveAsync("T2/C1/-", "#other-workspace", at: Start, Payments);

        var weekAgo = await history.LatestAsOfAsync("T1", Start.AddDays(10).AddMilliseconds(-1), Cancel);
        var now = await history.LatestAsOfAsync("T1", Start.AddDays(12), Cancel);

        var only = Assert.Single(weekAgo);
        Assert.Equal(("T1/C1/-", "#payments", 1, Start), (only.ThreadKey, only.Name, only.Version, only.CreatedAt));
        Assert.Single(AnalysisJson.Deserialize(only.Json).Findings);
        Assert.Equal([("T1/C1/-", 2), ("T1/C2/1700000000.000100", 1)], now.Select(v => (v.ThreadKey, v.Version)));
        Assert.Equal(Payments.Findings.Count, AnalysisJson.Deserialize(now[0].Json).Findings.Count);
    }

    [Fact]
    public async Task Before_any_analysis_a_workspace_has_no_threads()
    {
        await SaveAsync("T1/C1/-", "#payments", at: Start.AddDays(1), Payments);

        Assert.Empty(await history.LatestAsOfAsync("T1", Start, Cancel));
    }

    [Fact]
    public async Task A_finding_is_first_seen_when_the_earliest_version_of_any_thread_held_it()
    {
        var (a, b) = (Payments.Findings[0], Payments.Findings[1]);
        await SaveAsync("T1/C1/-", "#payments", at: Start, Payments.Only(a));
        await SaveAsync("T1/C1/-", "#payments", at: Start.AddDays(5), Payments.Only(a, b));
        await SaveAsync("T1/C2/-", "#payments-v2", at: Start.AddDays(2), Payments.Only(b));
        await SaveAsync("T2/C1/-", "#elsewhere", at: Start.AddDays(-30), PiiExport);

        var firstSeen = await history.FirstSeenAsync("T1", Cancel);

        Assert.Equal(Start, firstSeen[a.Id]);
        Assert.Equal(Start.AddDays(2), firstSeen[b.Id]);
        Assert.Equal(2, firstSeen.Count);
    }

    private async Task SaveAsync(string threadKey, string name, DateTimeOffset at, ThreatModel.Analysis.AnalysisResult analysis)
    {
        time.AdjustTime(at);
        await using (var connection = database.Open())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO threads (thread_key, name, changes) VALUES ($key, $name, 1) ON CONFLICT(thread_key) DO NOTHING";
            command.Parameters.AddWithValue("$key", threadKey);
            command.Parameters.AddWithValue("$name", name);
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var current = await versions.LatestAsync(threadKey, Cancel);
        await versions.SaveAsync(new ModelVersions.DirtyThread(threadKey, name, 1, current?.Version ?? 0), AnalysisJson.Serialize(analysis), Cancel);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
