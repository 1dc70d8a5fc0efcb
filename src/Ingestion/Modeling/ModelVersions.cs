using Vigil.Ingestion.Queue;

namespace Vigil.Ingestion.Modeling;

/// <summary>Threads waiting for re-analysis, and the stored versions of each thread's analysis (the JSON contract).</summary>
public sealed class ModelVersions(IngestionDatabase database, TimeProvider time)
{
    /// <param name="Changes">How many items the thread had received when it was read; more since then keep it dirty.</param>
    public sealed record DirtyThread(string Key, string Name, long Changes, int Version);

    /// <summary>
    /// Threads that changed and then stayed quiet for <paramref name="quietFor"/>, or that have been changing for
    /// longer than <paramref name="maxDelay"/> (a busy thread still gets a fresh model now and then).
    /// </summary>
    public async Task<IReadOnlyList<DirtyThread>> DueAsync(TimeSpan quietFor, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT thread_key, name, changes, version FROM threads
            WHERE dirty_since IS NOT NULL AND (changed_at <= $quiet OR dirty_since <= $overdue)
            """;
        command.Parameters.AddWithValue("$quiet", now.Subtract(quietFor).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$overdue", now.Subtract(maxDelay).ToUnixTimeMilliseconds());
        var due = new List<DirtyThread>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DirtyThread(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3)));
        }

        return due;
    }

    /// <summary>Stores the next version and clears the dirty mark, unless more arrived meanwhile (then it stays dirty).</summary>
    public async Task SaveAsync(DirtyThread thread, string analysisJson, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT OR REPLACE INTO model_versions (thread_key, version, created_at, analysis_json) VALUES ($thread, $version, $now, $json)";
            insert.Parameters.AddWithValue("$thread", thread.Key);
            insert.Parameters.AddWithValue("$version", thread.Version + 1);
            insert.Parameters.AddWithValue("$now", now);
            insert.Parameters.AddWithValue("$json", analysisJson);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var update = connection.CreateCommand())
        {
            update.CommandText = """
                UPDATE threads SET version = $version,
                    dirty_since = CASE WHEN changes = $changes THEN NULL ELSE $now END
                WHERE thread_key = $thread
                """;
            update.Parameters.AddWithValue("$version", thread.Version + 1);
            update.Parameters.AddWithValue("$changes", thread.Changes);
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$thread", thread.Key);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The latest stored analysis of a thread, or null before its first.</summary>
    public async Task<(int Version, string Json)?> LatestAsync(string threadKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, analysis_json FROM model_versions WHERE thread_key = $thread ORDER BY version DESC LIMIT 1";
        command.Parameters.AddWithValue("$thread", threadKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    /// <summary>One stored version of a thread's analysis, or null when there is no such version.</summary>
    public async Task<string?> VersionAsync(string threadKey, int version, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT analysis_json FROM model_versions WHERE thread_key = $thread AND version = $version";
        command.Parameters.AddWithValue("$thread", threadKey);
        command.Parameters.AddWithValue("$version", version);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Modelled threads that have been quiet since <paramref name="quietSince"/> with their latest version: nothing new
    /// arrived and no re-analysis is pending, so their model says what the thread says.
    /// </summary>
    public async Task<IReadOnlyList<(string ThreadKey, int Version)>> SettledAsync(DateTimeOffset quietSince, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT thread_key, version FROM threads WHERE version > 0 AND dirty_since IS NULL AND changed_at <= $quiet";
        command.Parameters.AddWithValue("$quiet", quietSince.ToUnixTimeMilliseconds());
        var settled = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            settled.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return settled;
    }

    /// <summary>The latest analysis of every thread of a channel (and of the channel itself), for answers scoped to a channel.</summary>
    public async Task<IReadOnlyList<(string ThreadKey, string Json)>> LatestInChannelAsync(string workspace, string channel, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.thread_key, v.analysis_json FROM model_versions v
            JOIN threads t ON t.thread_key = v.thread_key AND t.version = v.version
            WHERE substr(v.thread_key, 1, length($prefix)) = $prefix
            ORDER BY v.thread_key
            """;
        command.Parameters.AddWithValue("$prefix", $"{workspace}/{channel}/");
        var latest = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add((reader.GetString(0), reader.GetString(1)));
        }

        return latest;
    }
}
