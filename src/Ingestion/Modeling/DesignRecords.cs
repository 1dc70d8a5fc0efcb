using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Modeling;

/// <summary>
/// Each thread's design record: every decoded message and file in the order it arrived, which is what the modeler
/// analyzes. A newer version of the same source (an edited message, a spec saved again) replaces the older one; an
/// older version arriving late (a retry) never overwrites a newer one, and an edit keeps its message's place. Appending marks the thread for re-analysis.
/// </summary>
public sealed class DesignRecords(IngestionDatabase database, TimeProvider time)
{
    public async Task AppendAsync(IngestionItem item, DecodeResult decoded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO design_sources (thread_key, item_seq, latest_seq, item_id, source, kind, author, text)
                VALUES ($thread, $seq, $seq, $item, $source, $kind, $author, $text)
                ON CONFLICT(thread_key, source) DO UPDATE SET
                    latest_seq = excluded.latest_seq, item_id = excluded.item_id, kind = excluded.kind, author = excluded.author, text = excluded.text
                WHERE excluded.latest_seq >= design_sources.latest_seq
                """;
            insert.Parameters.AddWithValue("$thread", item.ThreadKey);
            insert.Parameters.AddWithValue("$seq", item.Seq);
            insert.Parameters.AddWithValue("$item", item.Id);
            insert.Parameters.AddWithValue("$source", item.Source);
            insert.Parameters.AddWithValue("$kind", decoded.Kind.ToString());
            insert.Parameters.AddWithValue("$author", (object?)item.Author ?? DBNull.Value);
            insert.Parameters.AddWithValue("$text", decoded.Text);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var dirty = connection.CreateCommand())
        {
            dirty.CommandText = """
                INSERT INTO threads (thread_key, name, dirty_since, changed_at, changes) VALUES ($thread, $name, $now, $now, 1)
                ON CONFLICT(thread_key) DO UPDATE SET dirty_since = COALESCE(dirty_since, $now), changed_at = $now, changes = changes + 1
                """;
            dirty.Parameters.AddWithValue("$thread", item.ThreadKey);
            dirty.Parameters.AddWithValue("$name", ThreadName(item, decoded.Text));
            dirty.Parameters.AddWithValue("$now", now);
            await dirty.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// How digests and overviews name a thread, fixed by what started it: <c>#channel “first words of the first
    /// message…”</c> (or the first file's name), which people recognise where an id says nothing.
    /// </summary>
    private static string ThreadName(IngestionItem item, string firstText)
    {
        if (item.Scope.Thread is null)
        {
            return $"#{item.Scope.Channel}";
        }

        var words = string.Join(' ', firstText.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var opening = item.Kind == ItemKind.File && item.FileName is { } file ? file
            : words.Length == 0 ? $"thread {item.Scope.Thread}"
            : words.Length <= 60 ? $"“{words}”"
            : $"“{words[..57].TrimEnd()}…”";
        return $"#{item.Scope.Channel} {opening}";
    }

    /// <summary>The thread's sources in arrival order, ready for the analyzer.</summary>
    public async Task<IReadOnlyList<SourceDocument>> SourcesAsync(string threadKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, kind, text, author FROM design_sources WHERE thread_key = $thread ORDER BY item_seq";
        command.Parameters.AddWithValue("$thread", threadKey);
        var sources = new List<SourceDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(new SourceDocument(reader.GetString(0), Enum.Parse<SourceKind>(reader.GetString(1)), reader.GetString(2), sources.Count, reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return sources;
    }
}
