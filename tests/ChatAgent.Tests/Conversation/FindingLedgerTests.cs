using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Conversation;

public sealed class FindingLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-ledger-").FullName;
    private readonly FakeTimeProvider time = new(Monday);
    private readonly FindingLedger ledger;

    public FindingLedgerTests() => ledger = new FindingLedger(Path.Combine(folder, "findings.db"), time);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finding_nobody_decided_on_is_open()
    {
        Assert.Equal(FindingStatus.Open, await ledger.StatusAsync("T1", "F-1a2b3c4d", Cancel));
    }

    [Fact]
    public async Task The_latest_decision_sets_the_status_and_every_decision_stays_in_the_audit_trail()
    {
        await ledger.RecordAsync(new FindingDecision("T1", "F-1a2b3c4d", FindingStatus.FalsePositive, "the endpoint is internal only", "U_ana", Monday), Cancel);
        await ledger.RecordAsync(new FindingDecision("T1", "F-1a2b3c4d", FindingStatus.Mitigated, "HMAC check added in #412", "U_raj", Monday.AddDays(1)), Cancel);

        Assert.Equal(FindingStatus.Mitigated, await ledger.StatusAsync("T1", "F-1a2b3c4d", Cancel));
        var history = await ledger.HistoryAsync("T1", "F-1a2b3c4d", Cancel);
        Assert.Equal(["U_ana", "U_raj"], history.Select(d => d.Actor));
        Assert.Equal("HMAC check added in #412", history[^1].Reason);
        Assert.Equal(FindingStatus.Open, await ledger.StatusAsync("T2", "F-1a2b3c4d", Cancel));
    }

    [Fact]
    public async Task An_accepted_risk_reopens_when_its_acceptance_expires()
    {
        await ledger.RecordAsync(new FindingDecision("T1", "F-9", FindingStatus.Accepted, "legacy partner, migrating in Q1", "U_ciso", Monday, ExpiresAt: Monday.AddDays(30)), Cancel);

        Assert.Equal(FindingStatus.Accepted, await ledger.StatusAsync("T1", "F-9", Cancel));
        time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(FindingStatus.Open, await ledger.StatusAsync("T1", "F-9", Cancel));
    }

    [Fact]
    public async Task Closing_a_finding_without_a_reason_is_refused_with_what_is_missing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordAsync(new FindingDecision("T1", "F-9", FindingStatus.FalsePositive, " ", "U_ana", Monday), Cancel));

        Assert.StartsWith("marking F-9 a false positive needs a reason", error.Message);
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_rewritten_even_directly_in_the_database()
    {
        await ledger.RecordAsync(new FindingDecision("T1", "F-9", FindingStatus.Mitigated, "fixed", "U_ana", Monday), Cancel);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "findings.db")}");
        await connection.OpenAsync(Cancel);

        foreach (var sql in new[] { "UPDATE finding_decisions SET reason = 'edited'", "DELETE FROM finding_decisions" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Cancel));
            Assert.Contains("append-only", error.Message);
        }

        Assert.Equal("fixed", Assert.Single(await ledger.HistoryAsync("T1", "F-9", Cancel)).Reason);
    }

    [Fact]
    public async Task Decisions_can_be_read_back_per_workspace_as_they_stood_at_a_time()
    {
        await ledger.RecordAsync(new FindingDecision("T1", "F-1", FindingStatus.Accepted, "legacy partner", "U_ciso", Monday.AddDays(-10), ExpiresAt: Monday.AddDays(20)), Cancel);
        await ledger.RecordAsync(new FindingDecision("T1", "F-1", FindingStatus.Mitigated, "partner moved to mTLS", "U_raj", Monday.AddDays(-2)), Cancel);
        await ledger.RecordAsync(new FindingDecision("T1", "F-2", FindingStatus.FalsePositive, "test keys only", "U_ana", Monday.AddDays(-1)), Cancel);
        await ledger.RecordAsync(new FindingDecision("T2", "F-3", FindingStatus.Mitigated, "other workspace", "U_bo", Monday.AddDays(-1)), Cancel);

        var aWeekAgo = await ledger.LatestDecisionsAsync("T1", Monday.AddDays(-7), Cancel);
        var now = await ledger.LatestDecisionsAsync("T1", Cancel);
        var thisWeek = await ledger.DecisionsAsync("T1", Monday.AddDays(-7), Cancel);

        Assert.Equal(FindingStatus.Accepted, Assert.Single(aWeekAgo).Value.Status);
        Assert.Equal(Monday.AddDays(20), aWeekAgo["F-1"].ExpiresAt);
        Assert.Equal([("F-1", FindingStatus.Mitigated, "U_raj"), ("F-2", FindingStatus.FalsePositive, "U_ana")], now.Values.OrderBy(d => d.FindingId).Select(d => (d.FindingId, d.Status, d.Actor)));
        Assert.Equal(["partner moved to mTLS", "test keys only"], thisWeek.Select(d => d.Reason));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
