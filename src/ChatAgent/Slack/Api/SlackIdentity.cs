using System.Text.Json;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>Who the bot token belongs to (auth.test): lets the adapter recognise, and ignore, its own messages.</summary>
public sealed record SlackIdentity(string TeamId, string UserId, string? BotId)
{
    internal static SlackIdentity From(JsonElement answer) =>
        new(answer.Text("team_id") ?? "", answer.Text("user_id") ?? "", answer.Text("bot_id"));
}
