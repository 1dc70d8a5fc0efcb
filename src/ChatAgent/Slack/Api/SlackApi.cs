using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// Slack's Web API over plain HTTP (slack.md §6): writes as JSON, reads as GET, <c>ok</c> always checked, 429 and
/// 5xx retried, posts paced per channel. The bot token goes only to Slack's hosts (see <see cref="SlackHosts"/>).
/// One instance serves the whole app: it holds the caches and the per-channel pacing.
/// </summary>
public sealed partial class SlackApi
{
    internal const string HttpClientName = "Vigil.Slack";

    // Slack's per-method page sizes differ; 200 keeps round trips few where Slack allows it and is capped by Slack where not.
    private const int PageSize = 200;

    // A cursor that never ends would otherwise loop forever.
    private const int MaxPages = 500;

    private static readonly TimeSpan LookupLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(1);

    private readonly IHttpClientFactory httpClients;
    private readonly SlackOptions options;
    private readonly Uri apiBaseUrl;
    private readonly TimeProvider time;
    private readonly ILogger<SlackApi> logger;
    private readonly ChannelPostGate postGate;
    private readonly ExpiringCache<string> permalinks;
    private readonly ExpiringCache<SlackChannel> channels;

    public SlackApi(IHttpClientFactory httpClients, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApi> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        var baseUrl = this.options.ApiBaseUrl.AbsoluteUri;
        apiBaseUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        postGate = new ChannelPostGate(this.options.PostInterval, time);
        permalinks = new ExpiringCache<string>(TimeSpan.FromDays(1), time);
        channels = new ExpiringCache<SlackChannel>(LookupLifetime, time);
    }

    private string Token => string.IsNullOrWhiteSpace(options.BotToken)
        ? throw new InvalidOperationException("Slack:BotToken is not set, so the Slack Web API cannot be called.")
        : options.BotToken;

    private Uri MethodUri(string method) => new(apiBaseUrl, method);

    private HttpRequestMessage Authorized(HttpMethod verb, Uri target, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(verb, target) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    private Task<JsonElement> PostJsonAsync(string method, JsonObject body, CancellationToken cancellationToken, bool retry = true) =>
        CallAsync(
            method,
            () => Authorized(HttpMethod.Post, MethodUri(method), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")),
            cancellationToken,
            retry);

    // Form fields are how Slack documents the upload-completion call (its `files` argument is a JSON string).
    private Task<JsonElement> PostFormAsync(string method, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        CallAsync(method, () => Authorized(HttpMethod.Post, MethodUri(method), new FormUrlEncodedContent(fields)), cancellationToken);

    private Task<JsonElement> GetAsync(string method, IEnumerable<(string Name, string? Value)> query, CancellationToken cancellationToken)
    {
        var pairs = query
            .Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}");
        var target = new Uri(apiBaseUrl, method + "?" + string.Join('&', pairs));
        return CallAsync(method, () => Authorized(HttpMethod.Get, target), cancellationToken);
    }

    /// <summary>Sends a Web API call and returns the answer once Slack said <c>ok:true</c>.</summary>
    private async Task<JsonElement> CallAsync(string method, Func<HttpRequestMessage> build, CancellationToken cancellationToken, bool retry = true)
    {
        using var response = await SendAsync(method, build, cancellationToken, retry);
        JsonDocument document;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, $"invalid_response (HTTP {(int)response.StatusCode}, not JSON)");
        }

        using (document)
        {
            var answer = document.RootElement;
            if (!answer.Flag("ok"))
            {
                throw new SlackApiException(method, answer.Text("error") ?? "unknown_error", answer.Text("needed"));
            }

            if (answer.Text("warning") is { } warning)
            {
                LogWarning(logger, method, warning);
            }

            return answer.Clone();
        }
    }

    /// <summary>
    /// One HTTP exchange with retries: 429 waits Retry-After, 5xx and network failures back off exponentially,
    /// at most <see cref="SlackOptions.MaxRetries"/> times (never when <paramref name="retry"/> is false: the caller's
    /// deadline is too short to wait). The caller disposes the answer.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(string label, Func<HttpRequestMessage> build, CancellationToken cancellationToken, bool retry = true)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var maxRetries = retry ? options.MaxRetries : 0;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = build();
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < maxRetries)
            {
                var backoff = Backoff(attempt);
                LogNetworkRetry(logger, label, e.GetType().Name, attempt + 1, maxRetries, backoff);
                await time.WaitAtLeastAsync(backoff, cancellationToken);
                continue;
            }

            var status = (int)response.StatusCode;
            if (status != 429 && status < 500)
            {
                LogAnswered(logger, label, status);
                return response;
            }

            var delay = status == 429 ? RetryAfterHeader.Wait(response.Headers.RetryAfter, time.GetUtcNow()) ?? Backoff(attempt) : Backoff(attempt);
            response.Dispose();
            if (attempt >= maxRetries)
            {
                LogGaveUp(logger, label, status, attempt + 1);
                throw new SlackApiException(label, status == 429 ? "ratelimited" : $"http_{status}");
            }

            LogRetry(logger, label, status, attempt + 1, maxRetries, delay);
            await time.WaitAtLeastAsync(delay, cancellationToken);
        }
    }

    // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.RetryBaseDelay * Math.Pow(2, attempt);
        return delay < LongestBackoff ? delay : LongestBackoff;
    }
}
