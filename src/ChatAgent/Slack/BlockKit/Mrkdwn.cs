using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>
/// Slack mrkdwn from plain text. Only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped (slack.md §7): that is
/// also what turns a <c>&lt;!channel&gt;</c> typed by someone into harmless literal text instead of a ping.
/// </summary>
public static partial class Mrkdwn
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Escapes everything but plain user and channel references (<c>&lt;@U123&gt;</c>, <c>&lt;#C123&gt;</c>), which the
    /// core writes to name who decided or which channel is watched. They can only name someone or somewhere;
    /// <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c> and links stay escaped, so nothing pings or misleads.
    /// </summary>
    public static string EscapeKeepingMentions(string text)
    {
        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match mention in Mention().Matches(text))
        {
            result.Append(Escape(text[last..mention.Index])).Append(mention.Value);
            last = mention.Index + mention.Length;
        }

        return result.Append(Escape(text[last..])).ToString();
    }

    /// <summary>A <c>&lt;url|label&gt;</c> link; text that is not an http(s) URL is not linked, only shown.</summary>
    public static string Link(string url, string label)
    {
        var shown = Escape(string.IsNullOrWhiteSpace(label) ? url : label);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return shown;
        }

        // Inside <…|…> the URL must not hold the characters that delimit the link.
        var safeUrl = uri.AbsoluteUri
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace("|", "%7C", StringComparison.Ordinal);
        return $"<{safeUrl}|{shown}>";
    }

    /// <summary>
    /// Cuts mrkdwn to <paramref name="max"/> chars with an ellipsis, never inside an entity (<c>&amp;amp;</c>) or a
    /// <c>&lt;…&gt;</c> link or mention, which Slack would show broken.
    /// </summary>
    public static string Fit(string mrkdwn, int max, out bool cut)
    {
        cut = mrkdwn.Length > max;
        if (!cut)
        {
            return mrkdwn;
        }

        var head = TextFit.Head(mrkdwn, max - TextFit.Ellipsis.Length);
        var open = head.LastIndexOf('<');
        if (open >= 0 && head.IndexOf('>', open) < 0)
        {
            head = head[..open];
        }

        var amp = head.LastIndexOf('&');
        if (amp >= 0 && head.IndexOf(';', amp) < 0)
        {
            head = head[..amp];
        }

        return head.TrimEnd() + TextFit.Ellipsis;
    }

    [GeneratedRegex("<(?:@[UW]|#[CG])[A-Z0-9]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
