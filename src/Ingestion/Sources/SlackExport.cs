using System.Text.Json;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// A Slack workspace export: <c>channels.json</c> plus one folder per channel holding <c>YYYY-MM-DD.json</c> day files
/// (each a JSON array of messages). Channels and days are read in order; every message becomes a source.
/// </summary>
public static class SlackExport
{
    public static void Read(string folder, int firstOrder, List<SourceDocument> into)
    {
        var order = firstOrder;
        foreach (var channel in ChannelNames(folder))
        {
            var channelFolder = Path.Combine(folder, channel);
            if (!Directory.Exists(channelFolder))
            {
                continue;
            }

            foreach (var day in Directory.EnumerateFiles(channelFolder, "*.json").Order(StringComparer.Ordinal))
            {
                var (messages, _) = ThreadFile.Parse($"{channel}/{Path.GetFileName(day)}", TextFile.Read(day), order, allowEmpty: true);
                into.AddRange(messages);
                order += messages.Count + 1;
            }
        }
    }

    private static List<string> ChannelNames(string folder)
    {
        var path = Path.Combine(folder, "channels.json");
        try
        {
            using var document = JsonDocument.Parse(TextFile.Read(path));
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray()
                    .Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null)
                    .OfType<string>()
                    // A channel name is a folder inside the export, never a path out of it.
                    .Where(n => n.Length > 0 && n.IndexOfAny(['/', '\\']) < 0 && n is not (".." or "."))
                    .ToList()
                : throw new InputException("channels.json must be a JSON array of channels");
        }
        catch (JsonException e)
        {
            throw new InputException($"invalid channels.json: {e.Message}");
        }
    }
}
