using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Vigil.Ingestion.Storage;
using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Queue;

/// <summary>
/// The durable inbox. An item is committed to SQLite before <see cref="EnqueueAsync"/> returns, leased by one worker
/// at a time, retried with backoff after a transient error and moved to the dead letters with its reason after a
/// permanent one. Delivery is at-least-once: a process killed mid-item finds it leased on restart and runs it again;
/// steps are idempotent, so it ends up indexed once.
/// </summary>
public sealed class JobQueue(IngestionDatabase database, TimeProvider time)
{
    /// <summary>Stores the request and returns its item; the same content for the same place returns the existing item.</summary>
    public async Task<IngestionItem> EnqueueAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var hash = BlobKey.ContentHash(request.Content.Span);
        var id = ItemId(request, hash);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO items (id, content_hash, kind, workspace, channel, private, thread, message, source, file_name, author,
                                   payload, status, due_at, enqueued_at, updated_at)
                VALUES ($id, $hash, $kind, $workspace, $channel, $private, $thread, $message, $source, $file, $author,
                        $payload, 'queued', $now, $now, $now)
                ON CONFLICT(id) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$hash", hash);
            insert.Parameters.AddWithValue("$kind", request.Kind.ToString().ToLowerInvariant());
            AddScope(insert, request.Scope);
            insert.Parameters.AddWithValue("$source", request.Source);
            insert.Parameters.AddWithValue("$file", (object?)request.FileName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$author", (object?)request.Author ?? DBNull.Value);
            insert.Parameters.AddWithValue("$payload", request.Content.ToArray());
            insert.Parameters.AddWithValue("$now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await FindAsync(connection, "id = $id", id, cancellationToken))!;
    }

    /// <summary>Takes the oldest item that is due, marking it running; null when none is due.</summary>
    public async Task<IngestionItem?> LeaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE items SET status = 'running', attempts = attempts + 1, updated_at = $now
            WHERE seq = (SELECT seq FROM items WHERE status = 'queued' AND due_at <= $now ORDER BY due_at, seq LIMIT 1)
            RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Items a killed process left running are due again; called once when the host starts.</summary>
    public Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE items SET status = 'queued' WHERE status = 'running'", null, cancellationToken);

    public Task CompleteAsync(IngestionItem item, CancellationToken cancellationToken) =>
        SetStatusAsync(item, ItemStatus.Done, null, dueAt: null, cancellationToken);

    public Task RetryLaterAsync(IngestionItem item, string reason, TimeSpan delay, CancellationToken cancellationToken) =>
        SetStatusAsync(item, ItemStatus.Queued, reason, time.GetUtcNow().Add(delay), cancellationToken);

    public Task FailAsync(IngestionItem item, string reason, CancellationToken cancellationToken) =>
        SetStatusAsync(item, ItemStatus.Failed, reason, dueAt: null, cancellationToken);

    public Task WaitAsync(IngestionItem item, string reason, CancellationToken cancellationToken) =>
        SetStatusAsync(item, ItemStatus.Waiting, reason, dueAt: null, cancellationToken);

    /// <summary>Waiting items (voice notes) go back in the queue, e.g. when a transcription model appears.</summary>
    public Task<int> ResumeWaitingAsync(CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE items SET status = 'queued', attempts = 0, due_at = $now WHERE status = 'waiting'", time.GetUtcNow(), cancellationToken);

    /// <summary>Items not yet done: queued, running or waiting for their retry.</summary>
    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM items WHERE status IN ('queued', 'running')";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Returns once nothing is queued or running: every item is done, failed or waiting.</summary>
    public async Task WaitUntilIdleAsync(CancellationToken cancellationToken)
    {
        while (await PendingCountAsync(cancellationToken) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<IngestionItem>> ListAsync(ItemStatus? status, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM items {(status is null ? "" : "WHERE status = $status")} ORDER BY seq";
        command.Parameters.AddWithValue("$status", status?.ToString().ToLowerInvariant() ?? "");
        var items = new List<IngestionItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    /// <summary>The items of one thread (or of a channel's top level when <paramref name="thread"/> is null), oldest first.</summary>
    public async Task<IReadOnlyList<IngestionItem>> InThreadAsync(string workspace, string channel, string? thread, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM items WHERE workspace = $workspace AND channel = $channel AND thread IS $thread ORDER BY seq";
        command.Parameters.AddWithValue("$workspace", workspace);
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$thread", (object?)thread ?? DBNull.Value);
        var items = new List<IngestionItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    /// <summary>The dead letters: items that failed for good, each with its reason.</summary>
    public Task<IReadOnlyList<IngestionItem>> DeadLettersAsync(CancellationToken cancellationToken) => ListAsync(ItemStatus.Failed, cancellationToken);

    public async Task<IngestionItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await FindAsync(connection, "id = $id", id, cancellationToken);
    }

    /// <summary>The bytes accepted with the item, until the store step has moved them to the blob store.</summary>
    public async Task<byte[]?> PayloadAsync(IngestionItem item, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM items WHERE id = $id";
        command.Parameters.AddWithValue("$id", item.Id);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>The bytes are safe in the blob store: drop the inline copy.</summary>
    public async Task MarkStoredAsync(IngestionItem item, string blobKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE items SET blob_key = $key, payload = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$key", blobKey);
        command.Parameters.AddWithValue("$id", item.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> BlobKeyAsync(IngestionItem item, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob_key FROM items WHERE id = $id";
        command.Parameters.AddWithValue("$id", item.Id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Other items of the same source in the same place (versions of an edited message or re-saved file), with their order.</summary>
    public async Task<IReadOnlyList<(string Id, long Seq)>> OtherVersionsAsync(IngestionItem item, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, seq FROM items
            WHERE workspace = $workspace AND channel = $channel AND thread IS $thread AND source = $source AND seq <> $seq
            """;
        command.Parameters.AddWithValue("$workspace", item.Scope.Workspace);
        command.Parameters.AddWithValue("$channel", item.Scope.Channel);
        command.Parameters.AddWithValue("$thread", (object?)item.Scope.Thread ?? DBNull.Value);
        command.Parameters.AddWithValue("$source", item.Source);
        command.Parameters.AddWithValue("$seq", item.Seq);
        var versions = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return versions;
    }

    /// <summary>Every finished item goes back in the queue (after a change of embedding model); its finished steps stay finished.</summary>
    public Task<int> RequeueDoneAsync(CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE items SET status = 'queued', attempts = 0, due_at = $now WHERE status = 'done'", null, cancellationToken);

    private async Task SetStatusAsync(IngestionItem item, ItemStatus status, string? reason, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE items SET status = $status, reason = $reason, due_at = COALESCE($due, due_at), updated_at = $now WHERE id = $id";
        command.Parameters.AddWithValue("$status", status.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$due", (object?)dueAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", item.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int> UpdateAsync(string sql, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", (now ?? time.GetUtcNow()).ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The same bytes for the same message in the same place are the same item; an edit has new bytes, so a new item.
    private static string ItemId(IngestRequest request, string hash)
    {
        var scope = request.Scope;
        var key = string.Join('\u001f', scope.Workspace, scope.Channel, scope.Thread, scope.Message, request.Source, hash);
        return "itm_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
    }

    private static void AddScope(SqliteCommand command, ChunkScope scope)
    {
        command.Parameters.AddWithValue("$workspace", scope.Workspace);
        command.Parameters.AddWithValue("$channel", scope.Channel);
        command.Parameters.AddWithValue("$private", scope.PrivateChannel ? 1 : 0);
        command.Parameters.AddWithValue("$thread", (object?)scope.Thread ?? DBNull.Value);
        command.Parameters.AddWithValue("$message", (object?)scope.Message ?? DBNull.Value);
    }

    private const string Columns = "seq, id, content_hash, kind, workspace, channel, private, thread, message, source, file_name, author, status, attempts, reason";

    private static async Task<IngestionItem?> FindAsync(SqliteConnection connection, string where, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM items WHERE {where}";
        command.Parameters.AddWithValue("$id", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static IngestionItem Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        Enum.Parse<ItemKind>(r.GetString(3), ignoreCase: true),
        new ChunkScope(r.GetString(4), r.GetString(5), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetInt32(6) == 1),
        r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11),
        Enum.Parse<ItemStatus>(r.GetString(12), ignoreCase: true),
        r.GetInt32(13),
        r.IsDBNull(14) ? null : r.GetString(14));
}
