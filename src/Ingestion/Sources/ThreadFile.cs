using System.Text.Json;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// A thread file: a JSON array of messages <c>{"user", "text", "files"?}</c> (the corpus format, and the shape of a
/// Slack export day file). Attachments named in <c>files</c> are returned for the loader to read next to it.
/// </summary>
public static class ThreadFile
{
    public static bool LooksLikeThread(string json) => json.TrimStart().StartsWith('[');

    /// <param name="allowEmpty">A Slack export day may hold only joins and reactions; a thread file given alone may not.</param>
    public static (List<SourceDocument> Messages, List<(string Name, int Order)> Attachments) Parse(string sourceName, string json, int firstOrder, bool allowEmpty = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InputException($"invalid thread JSON at line {e.LineNumber + 1}: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputException("a thread file must be a JSON array of messages");
            }

            var messages = new List<SourceDocument>();
            var attachments = new List<(string Name, int Order)>();
            var index = 0;
            foreach (var message in document.RootElement.EnumerateArray())
            {
                index++;
                if (message.ValueKind != JsonValueKind.Object)
                {
                    throw new InputException($"message {index} is not an object with \"user\" and \"text\"");
                }

                var text = message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? SlackText.Decode(t.GetString()!) : "";
                var user = message.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                if (text.Length > 0)
                {
                    messages.Add(new SourceDocument($"{sourceName}#{index}", SourceKind.Message, text, firstOrder + index, user));
                }

                if (message.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
                {
                    attachments.AddRange(files.EnumerateArray().Select(AttachmentName).OfType<string>().Select(n => (n, firstOrder + index)));
                }
            }

            if (!allowEmpty && messages.Count == 0 && attachments.Count == 0)
            {
                throw new InputException("the thread has no message with text");
            }

            return (messages, attachments);
        }
    }

    // Corpus threads name files as strings; Slack exports as objects with a "name".
    private static string? AttachmentName(JsonElement file) => file.ValueKind switch
    {
        JsonValueKind.String => file.GetString(),
        JsonValueKind.Object when file.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        _ => null,
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
