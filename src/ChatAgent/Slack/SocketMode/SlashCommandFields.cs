using System.Text.Json;

namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// Over Socket Mode a slash command arrives as JSON with the fields of the HTTP form post; the inbox takes them as
/// the form's strings, so one command handler serves both transports.
/// </summary>
internal static class SlashCommandFields
{
    public static IReadOnlyDictionary<string, string> From(JsonElement payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var property in payload.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                _ => property.Value.GetRawText(), // numbers as written; objects and arrays as JSON text
            };
        }

        return fields;
    }
}
