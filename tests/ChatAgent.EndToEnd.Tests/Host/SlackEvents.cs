using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.EndToEnd.Tests.Host;

/// <summary>Inner events shaped like Slack's (slack.md §2.4).</summary>
public static class SlackEvents
{
    public static JsonObject Message(string user, string text, string ts, string? threadTs = null, string channel = VigilUnderTest.Channel) => new()
    {
        ["type"] = "message",
        ["channel"] = channel,
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["channel_type"] = "channel",
        ["event_ts"] = ts,
        ["team"] = Fakes.FakeSlackServer.TeamId,
    };

    public static JsonObject Mention(string botUser, string user, string question, string ts, string? threadTs, string channel = VigilUnderTest.Channel) => new()
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["text"] = $"<@{botUser}> {question}",
        ["ts"] = ts,
        ["channel"] = channel,
        ["event_ts"] = ts,
        ["thread_ts"] = threadTs,
    };

    public static JsonObject Edit(string user, string newText, string oldText, string ts, string? threadTs, string editTs, string channel = VigilUnderTest.Channel) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_changed",
        ["hidden"] = true,
        ["channel"] = channel,
        ["ts"] = editTs,
        ["channel_type"] = "channel",
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = newText, ["ts"] = ts, ["thread_ts"] = threadTs, ["edited"] = new JsonObject { ["user"] = user, ["ts"] = editTs } },
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = oldText, ["ts"] = ts, ["thread_ts"] = threadTs },
    };

    public static JsonObject FileShare(string user, string text, string ts, string? threadTs, params string[] fileIds) => new()
    {
        ["type"] = "message",
        ["subtype"] = "file_share",
        ["channel"] = VigilUnderTest.Channel,
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["channel_type"] = "channel",
        ["files"] = new JsonArray(fileIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray()),
    };

    /// <summary>Slack-shaped timestamps for a test's messages: <c>1800000000.000100</c>, <c>…200</c>, …</summary>
    public static string Ts(int n) => $"1800000000.{n * 100:D6}";
}
