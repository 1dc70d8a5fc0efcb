using System.Text.Json;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>A workspace member (users.info).</summary>
public sealed record SlackUser(string Id, string? Name, string? RealName, bool IsBot)
{
    internal static SlackUser From(JsonElement user) => new(
        user.Text("id") ?? "",
        user.Text("name"),
        user.Text("real_name"),
        user.Flag("is_bot"));
}
