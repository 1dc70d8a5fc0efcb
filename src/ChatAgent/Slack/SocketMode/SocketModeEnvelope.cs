using System.Text.Json;

namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// One Socket Mode frame: <c>hello</c>, <c>disconnect</c>, or an envelope (<c>events_api</c>, <c>slash_commands</c>,
/// <c>interactive</c>) that must be acknowledged with its <c>envelope_id</c>.
/// </summary>
internal sealed record SocketModeEnvelope(
    string Type,
    string? EnvelopeId,
    bool AcceptsResponsePayload,
    JsonElement Payload,
    string? Reason,
    int RetryAttempt,
    int NumConnections)
{
    /// <exception cref="JsonException">The frame is not a JSON object.</exception>
    public static SocketModeEnvelope Parse(ReadOnlySpan<byte> utf8)
    {
        // Deserialized rather than parsed into a JsonDocument: the payload handed to the inbox owns its memory,
        // so it stays valid if the inbox keeps it after the call returns.
        var root = JsonSerializer.Deserialize<JsonElement>(utf8);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A Socket Mode frame must be a JSON object.");
        }

        return new SocketModeEnvelope(
            SlackJson.Text(root, "type") ?? "",
            SlackJson.Text(root, "envelope_id"),
            root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            root.TryGetProperty("payload", out var payload) ? payload : default,
            SlackJson.Text(root, "reason"),
            Number(root, "retry_attempt"),
            Number(root, "num_connections"));
    }

    private static int Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
