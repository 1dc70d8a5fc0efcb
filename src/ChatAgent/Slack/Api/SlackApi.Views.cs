using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.Api;

// Surfaces other than channel messages: modals, the Home tab and command/interaction response URLs.
public sealed partial class SlackApi
{
    /// <summary>How long views.open may take: the trigger id expires 3 seconds after the click, and the click's ack must beat it too.</summary>
    public static readonly TimeSpan TriggerBudget = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// views.open: shows a modal. One attempt within <see cref="TriggerBudget"/>, never retried: the trigger id is
    /// valid for 3 seconds, so a retry after a backoff could only fail with expired_trigger_id. Running out of time
    /// throws <see cref="OperationCanceledException"/> while <paramref name="cancellationToken"/> is not cancelled.
    /// </summary>
    public async Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(TriggerBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        await PostJsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, linked.Token, retry: false);
    }

    /// <summary>views.publish: sets what <paramref name="userId"/> sees on the app's Home tab.</summary>
    public Task PublishHomeAsync(string userId, JsonObject view, CancellationToken cancellationToken) =>
        PostJsonAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }, cancellationToken);

    /// <summary>
    /// Answers a slash command or interaction at its <c>response_url</c>. The URL itself is the credential, so no
    /// token is sent, and only Slack's hooks host (or the configured API host) may receive it.
    /// </summary>
    public async Task RespondAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        const string Label = "response_url";
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var target) || !SlackHosts.MayReceiveResponse(target, apiBaseUrl))
        {
            var host = target is null ? "(not a URL)" : SlackHosts.Describe(target);
            throw new SlackRefusedException(
                SlackRefusal.ForeignHost, $"Refused to answer at {host}: a response_url must be on https://hooks.slack.com; nothing was sent.");
        }

        var json = message.ToJsonString();
        using var response = await SendAsync(
            Label,
            () => new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(Label, $"http_{(int)response.StatusCode}");
        }

        // Slack answers "ok" as text, or JSON with ok:false (e.g. expired_url) when it will not show the message.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.TrimStart().StartsWith('{'))
        {
            using var answer = JsonDocument.Parse(body);
            if (answer.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
            {
                throw new SlackApiException(Label, answer.RootElement.Text("error") ?? "unknown_error");
            }
        }
    }
}
