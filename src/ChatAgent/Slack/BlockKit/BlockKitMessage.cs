using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>A reply as Slack takes it: <c>text</c> and <c>blocks</c> for <c>chat.postMessage</c>/<c>chat.update</c>.</summary>
/// <param name="Text">Notification fallback, already mrkdwn-escaped.</param>
/// <param name="Upload">A file the caller uploads next to the message (the full report when the blocks were cut), or null.</param>
public sealed record BlockKitMessage(string Text, JsonArray Blocks, ReplyFile? Upload);
