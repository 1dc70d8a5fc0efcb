using System.Text.Json;

namespace Vigil.ChatAgent.Slack;

/// <summary>Lenient readers for Slack's payloads and answers, everywhere in the adapter: a missing or differently typed field is absent, not an exception.</summary>
internal static class SlackJson
{
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool Flag(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.True;

    public static JsonElement Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The named member when it is a JSON object; null when it is missing, null or anything else.</summary>
    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
