using System.Text.Json;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>A conversation (conversations.info): a channel, a private channel or a direct message.</summary>
public sealed record SlackChannel(string Id, string? Name, bool IsPrivate, bool IsIm)
{
    internal static SlackChannel From(JsonElement channel) => new(
        channel.Text("id") ?? "",
        channel.Text("name"),
        channel.Flag("is_private"),
        channel.Flag("is_im"));
}
