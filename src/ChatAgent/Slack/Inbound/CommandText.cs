using System.Text.RegularExpressions;
using Vigil.Ingestion.Sources;

namespace Vigil.ChatAgent.Slack.Inbound;

/// <summary>
/// Rewrites Slack's markup in a command's text into the plain targets the core understands: an escaped channel
/// (<c>&lt;#C123|design&gt;</c>) becomes <c>#C123</c>, a message or thread link becomes <c>thread:C123/1700000000.000100</c>.
/// </summary>
public static partial class CommandText
{
    /// <summary>
    /// The command's text as the user typed it: targets normalised, then Slack's escaping of <c>&amp; &lt; &gt;</c>
    /// undone (commands are escaped like messages), so a reason such as "R&amp;D only" is stored as typed.
    /// </summary>
    public static string Read(string text) => SlackText.Decode(Normalize(text)).Trim();

    public static string Normalize(string text)
    {
        var withChannels = ChannelPattern().Replace(text, m => $"#{m.Groups["id"].Value}");
        return LinkPattern().Replace(withChannels, m =>
        {
            var ts = m.Groups["thread"].Success ? m.Groups["thread"].Value : $"{m.Groups["sec"].Value}.{m.Groups["micro"].Value}";
            return $"thread:{m.Groups["channel"].Value}/{ts}";
        });
    }

    [GeneratedRegex(@"<#(?<id>[A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex ChannelPattern();

    // https://acme.slack.com/archives/C123/p1700000000000100?thread_ts=1700000000.000050&cid=C123, bare or inside <…|…>.
    [GeneratedRegex(@"<?https://[\w.-]*slack\.com/archives/(?<channel>[A-Z0-9]+)/p(?<sec>\d{10})(?<micro>\d{6})(?:\?[^\s|>]*?thread_ts=(?<thread>\d+\.\d+)[^\s|>]*)?(?:[^\s|>]*)?(?:\|[^>]*)?>?")]
    private static partial Regex LinkPattern();
}
