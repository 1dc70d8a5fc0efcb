namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// Where the bot token (and anything we upload) may go: Slack's own https hosts, or exactly the configured API
/// host:port, so a loopback stand-in works in tests without widening the rule for anyone else.
/// </summary>
internal static class SlackHosts
{
    public static bool MayReceiveToken(Uri target, Uri apiBaseUrl) =>
        target.IsAbsoluteUri && (IsConfiguredApiHost(target, apiBaseUrl) || IsSlackHost(target));

    /// <summary>A command or interaction <c>response_url</c>: Slack's hooks host, or the configured API host.</summary>
    public static bool MayReceiveResponse(Uri target, Uri apiBaseUrl) =>
        target.IsAbsoluteUri
        && (IsConfiguredApiHost(target, apiBaseUrl)
            || (target.Scheme == Uri.UriSchemeHttps && string.Equals(target.IdnHost, "hooks.slack.com", StringComparison.OrdinalIgnoreCase)));

    /// <summary>How a refused URL is named in messages: host and port only (paths of file URLs are not for logs).</summary>
    public static string Describe(Uri target) => target.IsAbsoluteUri ? $"{target.Scheme}://{target.Authority}" : "(relative URL)";

    private static bool IsConfiguredApiHost(Uri target, Uri apiBaseUrl) =>
        target.Scheme == apiBaseUrl.Scheme
        && target.Port == apiBaseUrl.Port
        && string.Equals(target.IdnHost, apiBaseUrl.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static bool IsSlackHost(Uri target)
    {
        if (target.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = target.IdnHost.ToLowerInvariant();
        return host == "slack.com" || host.EndsWith(".slack.com", StringComparison.Ordinal) || host.EndsWith(".slack-edge.com", StringComparison.Ordinal);
    }
}
