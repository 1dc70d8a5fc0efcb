using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: trades the app-level token for a single-use WebSocket URL. The token travels only in
/// the Authorization header (Slack refuses it as a parameter) and only to <see cref="SlackOptions.ApiBaseUrl"/>.
/// </summary>
internal sealed class ConnectionsOpen(HttpClient http, Uri apiBaseUrl, string appToken, TimeProvider time)
{
    /// <summary>What Slack's SDKs wait when a 429 carries no Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    private readonly Uri endpoint = new(WithTrailingSlash(apiBaseUrl), "apps.connections.open");

    public async Task<OpenOutcome> OpenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return new OpenOutcome.Failed($"unreachable ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new OpenOutcome.Failed("timeout");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new OpenOutcome.RateLimited(RetryAfterHeader.Wait(response.Headers.RetryAfter, time.GetUtcNow()) ?? DefaultRetryAfter);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new OpenOutcome.Failed($"http_{(int)response.StatusCode}");
            }

            return Read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
    }

    private static OpenOutcome Read(byte[] body)
    {
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(body);
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new OpenOutcome.Failed("invalid_response");
            }

            if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                return new OpenOutcome.Failed(
                    root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString()! : "unknown_error");
            }

            // Only a WebSocket URL is followed: anything else in the answer is not a place to connect to.
            return root.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == "wss" || uri.Scheme == "ws")
                ? new OpenOutcome.Opened(uri)
                : new OpenOutcome.Failed("invalid_url");
        }
        catch (JsonException)
        {
            return new OpenOutcome.Failed("invalid_response");
        }
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

/// <summary>How one <c>apps.connections.open</c> call went.</summary>
internal abstract record OpenOutcome
{
    private OpenOutcome()
    {
    }

    /// <summary>A fresh, single-use WebSocket URL. It carries a ticket: log its host, never the URL.</summary>
    public sealed record Opened(Uri Url) : OpenOutcome;

    /// <summary>HTTP 429: try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : OpenOutcome;

    /// <summary>Slack's error code (<c>invalid_auth</c>, <c>not_allowed_token_type</c>…) or a transport failure.</summary>
    public sealed record Failed(string Error) : OpenOutcome;
}
