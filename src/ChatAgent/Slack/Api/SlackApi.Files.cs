using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.Api;

// Files: reading shared files (token only to Slack's hosts) and uploading reports (the current three-step flow).
public sealed partial class SlackApi
{
    // Slack serves files straight from files.slack.com; a few hops are plenty for anything legitimate.
    private const int MaxRedirects = 3;

    /// <summary>files.info: the file's details and private URLs.</summary>
    public async Task<SlackFile> FileInfoAsync(string fileId, CancellationToken cancellationToken) =>
        SlackFile.From((await GetAsync("files.info", [("file", fileId)], cancellationToken)).Child("file"));

    /// <summary>
    /// Downloads a file's bytes with the bot token. The token is sent only to Slack's hosts (redirects included);
    /// Slack's HTML sign-in page (a token without files:read) and anything over <paramref name="maxBytes"/> are refused.
    /// </summary>
    public async Task<byte[]> DownloadAsync(SlackFile file, long maxBytes, CancellationToken cancellationToken)
    {
        var url = file.UrlPrivateDownload ?? file.UrlPrivate;
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            throw new SlackRefusedException(SlackRefusal.NoDownloadUrl, $"Slack file {file.Id} has no download URL.");
        }

        for (var hop = 0; ; hop++)
        {
            EnsureTokenMayGoTo(target);
            using var response = await SendAsync("file download", () => Authorized(HttpMethod.Get, target), cancellationToken);
            if (IsRedirect(response) && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                target = new Uri(target, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("file download", $"http_{(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentType?.MediaType is "text/html")
            {
                throw new SlackRefusedException(
                    SlackRefusal.LoginPage,
                    $"Slack answered the download of file {file.Id} with its sign-in page instead of the file: the bot token "
                    + "cannot read files. Add the 'files:read' scope to the Slack app and reinstall it.");
            }

            return await ReadBoundedAsync(response, file, maxBytes, cancellationToken);
        }
    }

    /// <summary>
    /// Uploads a file into a channel (or thread): files.getUploadURLExternal, the raw bytes to the upload URL (no
    /// token on that request), then files.completeUploadExternal. Returns the file id. files.upload is retired.
    /// </summary>
    public async Task<string> UploadFileAsync(
        string channel, string? threadTs, string fileName, string title, byte[] content, string? initialComment, CancellationToken cancellationToken)
    {
        const string Method = "files.getUploadURLExternal";
        var ticket = await GetAsync(Method, [("filename", fileName), ("length", content.Length.ToString(CultureInfo.InvariantCulture))], cancellationToken);
        var fileId = ticket.Text("file_id") ?? throw new SlackApiException(Method, "no_file_id_in_answer");
        if (ticket.Text("upload_url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl))
        {
            throw new SlackApiException(Method, "no_upload_url_in_answer");
        }

        // The bytes are a user's document: they go to Slack or nowhere, whatever the answer said.
        if (!SlackHosts.MayReceiveToken(uploadUrl, apiBaseUrl))
        {
            throw new SlackRefusedException(
                SlackRefusal.ForeignHost, $"Slack's upload URL points at {SlackHosts.Describe(uploadUrl)}, which is not a Slack host; the file was not sent.");
        }

        using (var uploaded = await SendAsync("file upload", () => RawUpload(uploadUrl, content), cancellationToken))
        {
            if (!uploaded.IsSuccessStatusCode)
            {
                throw new SlackApiException("file upload", $"http_{(int)uploaded.StatusCode}");
            }
        }

        var fields = new Dictionary<string, string>
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }).ToJsonString(),
            ["channel_id"] = channel,
        };
        if (!string.IsNullOrEmpty(threadTs))
        {
            fields["thread_ts"] = threadTs;
        }

        if (!string.IsNullOrEmpty(initialComment))
        {
            fields["initial_comment"] = initialComment;
        }

        // Completing the upload posts a message in the channel, so it takes its turn like any post.
        await postGate.RunAsync(channel, () => PostFormAsync("files.completeUploadExternal", fields, cancellationToken), cancellationToken);
        return fileId;
    }

    private void EnsureTokenMayGoTo(Uri target)
    {
        if (!SlackHosts.MayReceiveToken(target, apiBaseUrl))
        {
            var host = SlackHosts.Describe(target);
            LogForeignHost(logger, host);
            throw new SlackRefusedException(
                SlackRefusal.ForeignHost, $"Refused to download from {host}: it is not a Slack host, so the bot token was not sent and nothing was requested.");
        }
    }

    private static HttpRequestMessage RawUpload(Uri uploadUrl, byte[] content) =>
        new(HttpMethod.Post, uploadUrl)
        {
            Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, SlackFile file, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(file, maxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var bytes = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (bytes.Length + read > maxBytes)
            {
                throw TooLarge(file, maxBytes);
            }

            bytes.Write(chunk, 0, read);
        }

        return bytes.ToArray();
    }

    private static SlackRefusedException TooLarge(SlackFile file, long maxBytes) =>
        new(SlackRefusal.TooLarge, $"Slack file {file.Id} ({file.Name}) is larger than the {maxBytes} bytes Vigil accepts; it was not downloaded.");
}
