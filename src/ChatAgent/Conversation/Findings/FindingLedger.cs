using Microsoft.Data.Sqlite;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Findings;

/// <summary>
/// The append-only record of finding decisions (<c>findings.db</c> under the data folder). The database itself refuses
/// to change or delete a recorded decision, so the audit trail a security engineer defends is the one that happened.
/// </summary>
public sealed class FindingLedger
{
    private readonly LedgerDatabase database;
    private readonly TimeProvider time;

    public FindingLedger(string databasePath, TimeProvider time)
    {
        database = new LedgerDatabase(databasePath);
        this.time = time;
    }

    /// <summary>Records a decision. Every status but open needs a reason; only an accepted risk may expire.</summary>
    public async Task RecordAsync(FindingDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Status != FindingStatus.Open && string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new ArgumentException($"marking {decision.FindingId} {Describe(decision.Status)} needs a reason", nameof(decision));
        }

        if (decision.ExpiresAt is not null && decision.Status != FindingStatus.Accepted)
        {
            throw new ArgumentException("only an accepted risk can expire", nameof(decision));
        }

        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO finding_decisions (workspace, finding_id, status, reason, actor, at, expires_at)
            VALUES ($workspace, $finding, $status, $reason, $actor, $at, $expires)
            """;
        command.Parameters.AddWithValue("$workspace", decision.Workspace);
        command.Parameters.AddWithValue("$finding", decision.FindingId);
        command.Parameters.AddWithValue("$status", decision.Status.ToString());
        command.Parameters.AddWithValue("$reason", decision.Reason);
        command.Parameters.AddWithValue("$actor", decision.Actor);
        command.Parameters.AddWithValue("$at", decision.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", (object?)decision.ExpiresAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The finding's status now: its latest decision, or open when there is none or an accepted risk has expired.</summary>
    public async Task<FindingStatus> StatusAsync(string workspace, string findingId, CancellationToken cancellationToken)
    {
        var latest = (await HistoryAsync(workspace, findingId, cancellationToken)).LastOrDefault();
        return latest switch
        {
            null => FindingStatus.Open,
            { ExpiresAt: { } expires } when expires <= time.GetUtcNow() => FindingStatus.Open,
            _ => latest.Status,
        };
    }

    /// <summary>Every decision about the finding, oldest first: the audit trail.</summary>
    public async Task<IReadOnlyList<FindingDecision>> HistoryAsync(string workspace, string findingId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT status, reason, actor, at, expires_at FROM finding_decisions
            WHERE workspace = $workspace AND finding_id = $finding ORDER BY seq
            """;
        command.Parameters.AddWithValue("$workspace", workspace);
        command.Parameters.AddWithValue("$finding", findingId);
        var history = new List<FindingDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new FindingDecision(
                workspace,
                findingId,
                Enum.Parse<FindingStatus>(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return history;
    }

    /// <summary>Every decision in the workspace recorded at or after <paramref name="since"/>, in the order they were recorded.</summary>
    public Task<IReadOnlyList<FindingDecision>> DecisionsAsync(string workspace, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT finding_id, status, reason, actor, at, expires_at FROM finding_decisions WHERE workspace = $workspace AND at >= $at ORDER BY seq",
            workspace,
            since,
            cancellationToken);

    /// <summary>
    /// Per finding of the workspace, the decision in force at <paramref name="asOf"/>: the last one recorded with a
    /// time at or before it. An accepted risk is returned even when expired; compare <see cref="FindingDecision.ExpiresAt"/> with the time that matters.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FindingDecision>> LatestDecisionsAsync(string workspace, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var decisions = await QueryAsync(
            """
            SELECT d.finding_id, d.status, d.reason, d.actor, d.at, d.expires_at FROM finding_decisions d
            WHERE d.workspace = $workspace AND d.seq = (
                SELECT MAX(l.seq) FROM finding_decisions l WHERE l.workspace = d.workspace AND l.finding_id = d.finding_id AND l.at <= $at)
            """,
            workspace,
            asOf,
            cancellationToken);
        return decisions.ToDictionary(d => d.FindingId, StringComparer.Ordinal);
    }

    /// <summary>Per finding of the workspace, its latest decision.</summary>
    public Task<IReadOnlyDictionary<string, FindingDecision>> LatestDecisionsAsync(string workspace, CancellationToken cancellationToken) =>
        LatestDecisionsAsync(workspace, DateTimeOffset.MaxValue, cancellationToken);

    private async Task<IReadOnlyList<FindingDecision>> QueryAsync(string sql, string workspace, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$workspace", workspace);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        var decisions = new List<FindingDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new FindingDecision(
                workspace,
                reader.GetString(0),
                Enum.Parse<FindingStatus>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return decisions;
    }

    private static string Describe(FindingStatus status) => status switch
    {
        FindingStatus.FalsePositive => "a false positive",
        _ => status.ToString().ToLowerInvariant(),
    };

    private SqliteConnection Open() => database.Open();

    private sealed class LedgerDatabase(string path) : SqliteDatabase(path, Schema);

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS finding_decisions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            workspace TEXT NOT NULL,
            finding_id TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL,
            expires_at INTEGER);
        CREATE INDEX IF NOT EXISTS finding_decisions_finding ON finding_decisions(workspace, finding_id, seq);
        -- Append-only: the audit trail cannot be rewritten, not even by Vigil's own code.
        CREATE TRIGGER IF NOT EXISTS finding_decisions_no_update BEFORE UPDATE ON finding_decisions
            BEGIN SELECT RAISE(ABORT, 'finding decisions are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS finding_decisions_no_delete BEFORE DELETE ON finding_decisions
            BEGIN SELECT RAISE(ABORT, 'finding decisions are append-only'); END;
        """;
}
