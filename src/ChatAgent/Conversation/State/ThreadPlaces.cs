namespace Vigil.ChatAgent.Conversation.State;

/// <summary>
/// Where each design thread lives (platform, channel, thread), so work that starts from a thread key — a living
/// summary, a digest link — knows which adapter speaks there and whether the channel is private.
/// </summary>
public sealed class ThreadPlaces(ConversationDatabase database)
{
    public sealed record Place(ConversationRef Thread, bool PrivateChannel);

    public async Task RecordAsync(ConversationRef where, bool privateChannel, CancellationToken cancellationToken)
    {
        var thread = where.InThread();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO places (thread_key, platform, workspace, channel, thread, private) VALUES ($key, $platform, $workspace, $channel, $thread, $private)
            ON CONFLICT(thread_key) DO UPDATE SET private = MAX(private, excluded.private)
            """;
        command.Parameters.AddWithValue("$key", Places.ThreadKey(where));
        command.Parameters.AddWithValue("$platform", thread.Platform);
        command.Parameters.AddWithValue("$workspace", thread.Workspace);
        command.Parameters.AddWithValue("$channel", thread.Channel);
        command.Parameters.AddWithValue("$thread", (object?)thread.Thread ?? DBNull.Value);
        command.Parameters.AddWithValue("$private", privateChannel ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Place?> FindAsync(string threadKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, workspace, channel, thread, private FROM places WHERE thread_key = $key";
        command.Parameters.AddWithValue("$key", threadKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Place(new ConversationRef(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)), reader.GetInt32(4) == 1)
            : null;
    }
}
