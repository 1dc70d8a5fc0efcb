namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// Slack answered a Web API call with <c>ok:false</c> (or kept failing past the retries). The message names the
/// method, Slack's error code and, when Slack said so, the scope the app lacks; it never holds the token.
/// </summary>
public sealed class SlackApiException(string method, string error, string? needed = null)
    : Exception(Describe(method, error, needed))
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>The missing OAuth scope Slack named (<c>needed</c>), e.g. <c>files:write</c>.</summary>
    public string? Needed { get; } = needed;

    private static string Describe(string method, string error, string? needed) =>
        needed is null
            ? $"Slack {method} failed: {error}"
            : $"Slack {method} failed: {error} (the app needs the '{needed}' scope; add it and reinstall the app)";
}
