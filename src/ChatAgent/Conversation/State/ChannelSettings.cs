using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.State;

/// <summary>
/// Which channels Vigil watches and how loud it is there. Every channel Vigil is in is watched until someone says
/// <c>/threat unwatch</c>; the summary threshold (lowest severity worth a proactive post) defaults to medium.
/// </summary>
public sealed class ChannelSettings(ConversationDatabase database, TimeProvider time)
{
    public const Severity DefaultThreshold = Severity.Medium;

    public async Task<bool> IsWatchedAsync(ConversationRef where, CancellationToken cancellationToken) =>
        (await ReadAsync(where, cancellationToken)).Watched;

    public async Task<Severity> ThresholdAsync(ConversationRef where, CancellationToken cancellationToken) =>
        (await ReadAsync(where, cancellationToken)).Threshold;

    public Task SetWatchedAsync(ConversationRef where, bool watched, string actor, CancellationToken cancellationToken) =>
        WriteAsync(where, "watched", watched ? 1 : 0, actor, cancellationToken);

    public Task SetThresholdAsync(ConversationRef where, Severity threshold, string actor, CancellationToken cancellationToken) =>
        WriteAsync(where, "threshold", threshold.ToString(), actor, cancellationToken);

    private async Task<(bool Watched, Severity Threshold)> ReadAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT watched, threshold FROM channels WHERE platform = $platform AND workspace = $workspace AND channel = $channel";
        AddKey(command, where);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (true, DefaultThreshold);
        }

        return (reader.GetInt32(0) == 1, reader.IsDBNull(1) ? DefaultThreshold : Enum.Parse<Severity>(reader.GetString(1)));
    }

    private async Task WriteAsync(ConversationRef where, string column, object value, string actor, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        // The column name comes from this class only, never from input.
        command.CommandText = $"""
            INSERT INTO channels (platform, workspace, channel, {column}, changed_by, changed_at) VALUES ($platform, $workspace, $channel, $value, $actor, $now)
            ON CONFLICT(platform, workspace, channel) DO UPDATE SET {column} = $value, changed_by = $actor, changed_at = $now
            """;
        AddKey(command, where);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKey(Microsoft.Data.Sqlite.SqliteCommand command, ConversationRef where)
    {
        command.Parameters.AddWithValue("$platform", where.Platform);
        command.Parameters.AddWithValue("$workspace", where.Workspace);
        command.Parameters.AddWithValue("$channel", where.Channel);
    }
}
