using Vigil.Ingestion.Queue;

namespace Vigil.ChatAgent.Conversation.State;

/// <summary>
/// The conversation state under <c>Vigil:DataDir</c> (<c>conversation.db</c>): the durable inbox of platform events,
/// the channels Vigil watches, where each thread lives, the living summaries it posted, and the audited rule tuning.
/// </summary>
public sealed class ConversationDatabase(string path) : SqliteDatabase(path, Schema)
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            dedupe_key TEXT NOT NULL UNIQUE,
            lane TEXT NOT NULL,
            thread_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            reason TEXT);
        CREATE INDEX IF NOT EXISTS inbox_due ON inbox(lane, status, due_at, seq);
        CREATE INDEX IF NOT EXISTS inbox_thread ON inbox(thread_key, status, seq);
        CREATE TABLE IF NOT EXISTS channels (
            platform TEXT NOT NULL,
            workspace TEXT NOT NULL,
            channel TEXT NOT NULL,
            watched INTEGER NOT NULL DEFAULT 1,
            threshold TEXT,
            changed_by TEXT,
            changed_at INTEGER,
            PRIMARY KEY (platform, workspace, channel));
        CREATE TABLE IF NOT EXISTS places (
            thread_key TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            workspace TEXT NOT NULL,
            channel TEXT NOT NULL,
            thread TEXT,
            private INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS summaries (
            thread_key TEXT PRIMARY KEY,
            message_id TEXT,
            announced_json TEXT NOT NULL,
            considered_version INTEGER NOT NULL,
            posted_at INTEGER,
            updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sent_replies (
            platform TEXT NOT NULL,
            workspace TEXT NOT NULL,
            channel TEXT NOT NULL,
            message_id TEXT NOT NULL,
            reply_json TEXT NOT NULL,
            PRIMARY KEY (platform, workspace, channel, message_id));
        CREATE TABLE IF NOT EXISTS rule_tuning (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            workspace TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            action TEXT NOT NULL,
            severity TEXT,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL);
        -- Tuning is audited like finding decisions: a change is a new row, never an edit.
        CREATE TRIGGER IF NOT EXISTS rule_tuning_no_update BEFORE UPDATE ON rule_tuning
            BEGIN SELECT RAISE(ABORT, 'rule tuning is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS rule_tuning_no_delete BEFORE DELETE ON rule_tuning
            BEGIN SELECT RAISE(ABORT, 'rule tuning is append-only'); END;
        """;
}
