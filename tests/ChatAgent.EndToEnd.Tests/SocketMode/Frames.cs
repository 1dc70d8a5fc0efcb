using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.EndToEnd.Tests.SocketMode;

/// <summary>Socket Mode frames shaped like the ones in Slack's SDK mock servers (slack.md §5).</summary>
internal static class Frames
{
    public static string Hello() =>
        """{"type":"hello","num_connections":1,"debug_info":{"host":"applink-test","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A111"}}""";

    public static string Disconnect(string reason) =>
        Json(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-test" } });

    public static string AppMention(string envelopeId, string eventId, string text, int retryAttempt = 0) => Json(new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        ["payload"] = new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = "T111",
            ["api_app_id"] = "A111",
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U111",
                ["text"] = $"<@U222> {text}",
                ["ts"] = "1515449522.000016",
                ["channel"] = "C111",
                ["event_ts"] = "1515449522.000016",
            },
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1515449522,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T111", ["user_id"] = "U222", ["is_bot"] = true }),
        },
    });

    public static string SlashCommand(string envelopeId, string command, string text) => Json(new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = "T111",
            ["team_domain"] = "example",
            ["channel_id"] = "C111",
            ["channel_name"] = "payments",
            ["user_id"] = "U111",
            ["user_name"] = "dana",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A111",
            ["is_enterprise_install"] = false,
            ["response_url"] = "https://hooks.slack.com/commands/T111/1/xyz",
            ["trigger_id"] = "111.222.xxx",
        },
    });

    public static string ViewSubmission(string envelopeId, bool acceptsResponsePayload) => Json(new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "interactive",
        ["accepts_response_payload"] = acceptsResponsePayload,
        ["payload"] = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T111", ["domain"] = "example" },
            ["user"] = new JsonObject { ["id"] = "U111", ["team_id"] = "T111" },
            ["api_app_id"] = "A111",
            ["trigger_id"] = "111.222.valid",
            ["view"] = new JsonObject
            {
                ["id"] = "V111",
                ["type"] = "modal",
                ["callback_id"] = "accept-risk",
                ["private_metadata"] = "F-3c1a9e",
                ["state"] = new JsonObject { ["values"] = new JsonObject() },
            },
            ["response_urls"] = new JsonArray(),
        },
    });

    private static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
