using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>Views published with <c>views.publish</c>.</summary>
public static class SlackViews
{
    /// <summary>The App Home tab: the same blocks as a message, with the larger view budget and no attachment.</summary>
    public static JsonObject Home(Reply reply) => new()
    {
        ["type"] = "home",
        ["blocks"] = BlockBudget.Lay(reply, BlockKitLimits.ViewBlocks, "ask Vigil for the full report", out _),
    };
}
