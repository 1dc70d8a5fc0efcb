using System.Text.Json;
using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Conversation.State;

/// <summary>
/// The replies Vigil posted that carry finding buttons, kept so a decision made with a button can redraw the very
/// message it was made on (the finding shown as mitigated, with who and why) instead of posting another one.
/// </summary>
public sealed class SentReplies(ConversationDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RememberAsync(ConversationRef message, Reply reply, CancellationToken cancellationToken)
    {
        if (!reply.Blocks.OfType<FindingBlock>().Any(b => b.WithActions))
        {
            return;
        }

        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sent_replies (platform, workspace, channel, message_id, reply_json) VALUES ($platform, $workspace, $channel, $message, $json)
            ON CONFLICT(platform, workspace, channel, message_id) DO UPDATE SET reply_json = excluded.reply_json
            """;
        AddKey(command, message);
        // The attached file is not kept: redrawing a message never re-uploads its report.
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(reply with { File = null }, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Reply?> FindAsync(ConversationRef message, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reply_json FROM sent_replies WHERE platform = $platform AND workspace = $workspace AND channel = $channel AND message_id = $message";
        AddKey(command, message);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<Reply>(json, Json) : null;
    }

    private static void AddKey(Microsoft.Data.Sqlite.SqliteCommand command, ConversationRef message)
    {
        command.Parameters.AddWithValue("$platform", message.Platform);
        command.Parameters.AddWithValue("$workspace", message.Workspace);
        command.Parameters.AddWithValue("$channel", message.Channel);
        command.Parameters.AddWithValue("$message", message.Message ?? "");
    }
}
