using System.Text.Json;
using Vigil.Ingestion.Queue;

namespace Vigil.Ingestion.Modeling;

/// <summary>
/// The stored analyses of a workspace read back through time: what every thread looked like at a moment, and when
/// each finding first appeared. The weekly digest compares "now" with "a week ago" through here.
/// </summary>
public sealed class ModelHistory(IngestionDatabase database)
{
    /// <summary>One stored analysis of one thread (<see cref="Json"/> is the analysis JSON contract).</summary>
    public sealed record ThreadVersion(string ThreadKey, string Name, int Version, DateTimeOffset CreatedAt, string Json);

    /// <summary>Per thread of the workspace, its latest analysis created at or before <paramref name="at"/>; threads modelled only later are absent.</summary>
    public async Task<IReadOnlyList<ThreadVersion>> LatestAsOfAsync(string workspace, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.thread_key, COALESCE(t.name, v.thread_key), v.version, v.created_at, v.analysis_json
            FROM model_versions v LEFT JOIN threads t ON t.thread_key = v.thread_key
            WHERE v.thread_key >= $from AND v.thread_key < $to AND v.created_at <= $at
              AND v.version = (SELECT MAX(w.version) FROM model_versions w WHERE w.thread_key = v.thread_key AND w.created_at <= $at)
            ORDER BY v.thread_key
            """;
        AddWorkspaceRange(command, workspace);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        var latest = new List<ThreadVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(new ThreadVersion(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetString(4)));
        }

        return latest;
    }

    /// <summary>For every finding id ever stored in the workspace, when the first version holding it was created.</summary>
    /// <remarks>
    /// Only the finding ids are read from each document (not the whole analysis), and versions are read oldest first
    /// so an id's first sighting is the one kept. A document that is not the contract's shape is skipped.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> FirstSeenAsync(string workspace, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT created_at, analysis_json FROM model_versions
            WHERE thread_key >= $from AND thread_key < $to
            ORDER BY created_at, thread_key, version
            """;
        AddWorkspaceRange(command, workspace);
        var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0));
            foreach (var id in FindingIds(reader.GetString(1)))
            {
                firstSeen.TryAdd(id, createdAt);
            }
        }

        return firstSeen;
    }

    // Thread keys are "workspace/channel/thread": a key range (not a LIKE) lets SQLite walk the primary key.
    private static void AddWorkspaceRange(Microsoft.Data.Sqlite.SqliteCommand command, string workspace)
    {
        command.Parameters.AddWithValue("$from", workspace + "/");
        command.Parameters.AddWithValue("$to", workspace + (char)('/' + 1));
    }

    private static List<string> FindingIds(string json)
    {
        var ids = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("findings", out var findings)
                && findings.ValueKind == JsonValueKind.Array)
            {
                foreach (var finding in findings.EnumerateArray())
                {
                    if (finding.ValueKind == JsonValueKind.Object && finding.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        ids.Add(id.GetString()!);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A damaged version says nothing about when a finding appeared; the others still do.
        }

        return ids;
    }
}
