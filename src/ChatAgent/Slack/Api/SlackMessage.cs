using System.Text.Json;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>A message as conversations.history / conversations.replies return it; <see cref="Ts"/> is its id in the channel.</summary>
public sealed record SlackMessage(
    string Ts,
    string? ThreadTs,
    string? User,
    string? BotId,
    string? Subtype,
    string Text,
    IReadOnlyList<SlackFile> Files)
{
    internal static SlackMessage From(JsonElement message) => new(
        message.Text("ts") ?? "",
        message.Text("thread_ts"),
        message.Text("user"),
        message.Text("bot_id"),
        message.Text("subtype"),
        message.Text("text") ?? "",
        message.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
            ? [.. files.EnumerateArray().Select(SlackFile.From)]
            : []);
}
