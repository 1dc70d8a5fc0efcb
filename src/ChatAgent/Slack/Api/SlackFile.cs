using System.Text.Json;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// A shared file (files.info, or the <c>files[]</c> of a message). The URLs need the bot token to download;
/// <see cref="TranscriptPreview"/> is Slack's own transcript of a voice clip, when it made one.
/// </summary>
public sealed record SlackFile(
    string Id,
    string? Name,
    string? Title,
    string? Mimetype,
    string? Filetype,
    long Size,
    string? UrlPrivateDownload,
    string? UrlPrivate,
    string? Subtype,
    string? TranscriptPreview)
{
    internal static SlackFile From(JsonElement file) => new(
        file.Text("id") ?? "",
        file.Text("name"),
        file.Text("title"),
        file.Text("mimetype"),
        file.Text("filetype"),
        file.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : 0,
        file.Text("url_private_download"),
        file.Text("url_private"),
        file.Text("subtype"),
        file.TryGetProperty("transcription", out var transcription)
            && transcription.ValueKind == JsonValueKind.Object
            && transcription.TryGetProperty("preview", out var preview)
            && preview.ValueKind == JsonValueKind.Object
                ? preview.Text("content")
                : null);
}
