using Microsoft.Data.Sqlite;

namespace Vigil.Retrieval.Index;

/// <summary>
/// The tables of <c>index.db</c>: chunks with their vectors, an FTS5 index over their text kept in sync by triggers,
/// and the embedding model the vectors were made with.
/// </summary>
internal static class EmbeddedIndexSchema
{
    public const string ModelKey = "embedding_model";
    public const string DimensionsKey = "dimensions";

    public static void Create(SqliteConnection connection)
    {
        var hadChunks = Exists(connection, "chunks");
        var hadText = Exists(connection, "chunks_fts");
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
            CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

            -- External content: the text is stored once, in chunks; the triggers keep the word index in step with every
            -- insert, upsert and delete. Rowids of chunks only change on VACUUM, after which the index must be rebuilt
            -- (INSERT INTO chunks_fts(chunks_fts) VALUES('rebuild')).
            CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
                text, content = 'chunks', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE TRIGGER IF NOT EXISTS chunks_fts_insert AFTER INSERT ON chunks BEGIN
                INSERT INTO chunks_fts(rowid, text) VALUES (new.rowid, new.text);
            END;
            CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN
                INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            END;
            CREATE TRIGGER IF NOT EXISTS chunks_fts_update AFTER UPDATE OF text ON chunks BEGIN
                INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
                INSERT INTO chunks_fts(rowid, text) VALUES (new.rowid, new.text);
            END;
            """);
        if (hadChunks && !hadText)
        {
            // An index written before keyword search existed: index the text it already holds.
            Execute(connection, "INSERT INTO chunks_fts(chunks_fts) VALUES ('rebuild');");
        }
    }

    /// <summary>The stored model id (null if only the dimensions are known) and dimensions, or null for a new index.</summary>
    public static (string? Model, int Dimensions)? ReadModel(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM index_meta WHERE key IN ($model, $dimensions)";
        command.Parameters.AddWithValue("$model", ModelKey);
        command.Parameters.AddWithValue("$dimensions", DimensionsKey);
        string? model = null;
        int? dimensions = null;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetString(0) == ModelKey)
                {
                    model = reader.GetString(1);
                }
                else
                {
                    dimensions = int.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        if (dimensions is null)
        {
            // Chunks written before the metadata table existed still tell their dimension.
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT length(vector) / 4 FROM chunks LIMIT 1";
            if (probe.ExecuteScalar() is long stored)
            {
                dimensions = (int)stored;
            }
        }

        return dimensions is { } d ? (model, d) : null;
    }

    public static void WriteModel(SqliteConnection connection, SqliteTransaction? transaction, string? model, int dimensions)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO index_meta (key, value) VALUES ($dimensionsKey, $dimensions) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            INSERT INTO index_meta (key, value) SELECT $modelKey, $model WHERE $model IS NOT NULL ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            """;
        command.Parameters.AddWithValue("$dimensionsKey", DimensionsKey);
        command.Parameters.AddWithValue("$dimensions", dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$modelKey", ModelKey);
        command.Parameters.AddWithValue("$model", (object?)model ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool Exists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE name = $name";
        command.Parameters.AddWithValue("$name", table);
        return command.ExecuteScalar() is not null;
    }
}
