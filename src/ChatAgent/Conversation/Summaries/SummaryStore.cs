using System.Text.Json;
using Vigil.ChatAgent.Conversation.State;

namespace Vigil.ChatAgent.Conversation.Summaries;

/// <summary>The living summary of each thread (<c>summaries</c> in conversation.db).</summary>
public sealed class SummaryStore(ConversationDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Shown(IReadOnlyList<AnnouncedFinding> Announced, IReadOnlyList<AnnouncedFinding> Resolved);

    public async Task<SummaryState> GetAsync(string threadKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id, announced_json, considered_version, posted_at FROM summaries WHERE thread_key = $key";
        command.Parameters.AddWithValue("$key", threadKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return SummaryState.Empty;
        }

        var shown = JsonSerializer.Deserialize<Shown>(reader.GetString(1), Json) ?? new Shown([], []);
        return new SummaryState(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            shown.Announced,
            shown.Resolved,
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    /// <summary>The model version each thread's summary last looked at, in one read (the notifier polls every few seconds).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ConsideredVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT thread_key, considered_version FROM summaries";
        var considered = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            considered[reader.GetString(0)] = reader.GetInt32(1);
        }

        return considered;
    }

    /// <summary>Summaries showing the finding are looked at again on the next pass, even though their thread did not change.</summary>
    public async Task ReconsiderShowingAsync(string findingId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        // Finding ids are "F-" and hex, so the quoted id cannot match anything but itself in the stored JSON.
        command.CommandText = "UPDATE summaries SET considered_version = 0 WHERE instr(announced_json, $id) > 0";
        command.Parameters.AddWithValue("$id", $"\"{findingId}\"");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveAsync(string threadKey, SummaryState state, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO summaries (thread_key, message_id, announced_json, considered_version, posted_at, updated_at)
            VALUES ($key, $message, $json, $version, $posted, $now)
            ON CONFLICT(thread_key) DO UPDATE SET message_id = excluded.message_id, announced_json = excluded.announced_json,
                considered_version = excluded.considered_version, posted_at = excluded.posted_at, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$key", threadKey);
        command.Parameters.AddWithValue("$message", (object?)state.MessageId ?? DBNull.Value);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(new Shown(state.Announced, state.Resolved), Json));
        command.Parameters.AddWithValue("$version", state.ConsideredVersion);
        command.Parameters.AddWithValue("$posted", (object?)state.PostedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
