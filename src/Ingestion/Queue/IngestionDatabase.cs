namespace Vigil.Ingestion.Queue;

/// <summary>
/// The ingestion state under <c>Vigil:DataDir</c> (<c>ingestion.db</c>): the durable inbox of items, each step's
/// output, and the threads' design records. WAL mode: an item accepted is on disk before the caller is told so, and a
/// killed process loses nothing committed.
/// </summary>
public sealed class IngestionDatabase(string path) : SqliteDatabase(path, Schema)
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS items (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            kind TEXT NOT NULL,
            workspace TEXT NOT NULL,
            channel TEXT NOT NULL,
            private INTEGER NOT NULL,
            thread TEXT,
            message TEXT,
            source TEXT NOT NULL,
            file_name TEXT,
            author TEXT,
            payload BLOB,
            blob_key TEXT,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            reason TEXT,
            enqueued_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS items_due ON items(status, due_at, seq);
        CREATE INDEX IF NOT EXISTS items_source ON items(workspace, channel, source);
        CREATE TABLE IF NOT EXISTS step_outputs (
            item_id TEXT NOT NULL,
            step TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            output BLOB,
            PRIMARY KEY (item_id, step));
        CREATE TABLE IF NOT EXISTS design_sources (
            thread_key TEXT NOT NULL,
            item_seq INTEGER NOT NULL,
            latest_seq INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            author TEXT,
            text TEXT NOT NULL,
            -- one row per source: an edited message or a re-saved spec replaces its earlier text
            PRIMARY KEY (thread_key, source));
        CREATE TABLE IF NOT EXISTS threads (
            thread_key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            dirty_since INTEGER,
            changed_at INTEGER,
            changes INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS model_versions (
            thread_key TEXT NOT NULL,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            analysis_json TEXT NOT NULL,
            PRIMARY KEY (thread_key, version));
        """;
}
