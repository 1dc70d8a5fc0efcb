using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Vigil.Retrieval.Index;

/// <summary>
/// The default index: chunks and vectors persisted in SQLite under the data folder (<c>index.db</c>). Every write
/// is one transaction, so a crash leaves either the whole batch or none of it.
/// </summary>
public sealed class EmbeddedVectorIndex : IVectorIndex
{
    private readonly string connectionString;

    private readonly string databasePath;
    private readonly Lazy<bool> created;

    // Nothing touches the disk until first use: the host validates Vigil:DataDir first and says what is wrong with it.
    public EmbeddedVectorIndex(string databasePath)
    {
        this.databasePath = databasePath;
        connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        created = new Lazy<bool>(Create);
    }

    private bool Create()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        using var connection = Connect();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS chunks (
                id TEXT PRIMARY KEY,
                item_id TEXT NOT NULL,
                workspace TEXT NOT NULL,
                channel TEXT NOT NULL,
                private INTEGER NOT NULL,
                thread TEXT,
                message TEXT,
                source TEXT NOT NULL,
                text TEXT NOT NULL,
                vector BLOB NOT NULL,
                -- how often this chunk was written; above 1 means an item was processed again (at-least-once delivery)
                writes INTEGER NOT NULL DEFAULT 1);
            CREATE INDEX IF NOT EXISTS chunks_item ON chunks(item_id);
            CREATE INDEX IF NOT EXISTS chunks_scope ON chunks(workspace, channel, thread);
            """);
        return true;
    }

    public async Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO chunks (id, item_id, workspace, channel, private, thread, message, source, text, vector)
            VALUES ($id, $item, $workspace, $channel, $private, $thread, $message, $source, $text, $vector)
            ON CONFLICT(id) DO UPDATE SET text = excluded.text, vector = excluded.vector, source = excluded.source, writes = writes + 1
            """;
        foreach (var chunk in chunks)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", chunk.Id);
            command.Parameters.AddWithValue("$item", chunk.ItemId);
            command.Parameters.AddWithValue("$workspace", chunk.Scope.Workspace);
            command.Parameters.AddWithValue("$channel", chunk.Scope.Channel);
            command.Parameters.AddWithValue("$private", chunk.Scope.PrivateChannel ? 1 : 0);
            command.Parameters.AddWithValue("$thread", (object?)chunk.Scope.Thread ?? DBNull.Value);
            command.Parameters.AddWithValue("$message", (object?)chunk.Scope.Message ?? DBNull.Value);
            command.Parameters.AddWithValue("$source", chunk.Source);
            command.Parameters.AddWithValue("$text", chunk.Text);
            command.Parameters.AddWithValue("$vector", MemoryMarshal.AsBytes(chunk.Vector.Span).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM chunks";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyDictionary<string, int>> ChunksPerItemAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id, COUNT(*) FROM chunks GROUP BY item_id";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    public async Task DeleteItemAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM chunks WHERE item_id = $item";
        command.Parameters.AddWithValue("$item", itemId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open()
    {
        _ = created.Value;
        return Connect();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL with NORMAL sync survives a killed process (the commit is in the WAL); it skips the fsync per commit that
        // FULL makes, which cost ~30 ms per indexed item here. The pipeline re-indexes whatever a power loss drops.
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
