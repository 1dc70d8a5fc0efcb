using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>
/// Block Kit JSON shapes. Texts handed in are final (escaped, within limits) except plain_text, which Slack shows
/// as-is and never parses for links or mentions, so it is only shortened here and never escaped.
/// </summary>
internal static class BlockJson
{
    public static JsonObject PlainText(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = TextFit.Shorten(text, max), ["emoji"] = true };

    public static JsonObject MrkdwnText(string mrkdwn) => new() { ["type"] = "mrkdwn", ["text"] = mrkdwn };

    public static JsonObject Header(string text) =>
        new() { ["type"] = "header", ["text"] = PlainText(text, BlockKitLimits.HeaderText) };

    public static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = MrkdwnText(mrkdwn) };

    public static JsonObject Context(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(MrkdwnText(mrkdwn)) };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(string blockId, params JsonObject[] elements) =>
        new() { ["type"] = "actions", ["block_id"] = blockId, ["elements"] = new JsonArray(elements) };

    public static JsonObject Button(string text, string actionId, string value) => new()
    {
        ["type"] = "button",
        ["text"] = PlainText(text, BlockKitLimits.ButtonText),
        ["action_id"] = actionId,
        ["value"] = value,
    };
}
