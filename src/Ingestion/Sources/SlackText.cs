using System.Text.RegularExpressions;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// Slack's message markup as plain text: <c>&amp;gt;</c> back to <c>&gt;</c> (so "a -&gt; b" is an arrow again) and
/// <c>&lt;https://x|label&gt;</c> links to "label (https://x)".
/// </summary>
public static partial class SlackText
{
    public static string Decode(string text)
    {
        if (text.IndexOf('&') < 0 && text.IndexOf('<') < 0)
        {
            return text;
        }

        var links = Link().Replace(text, m => m.Groups["label"].Success ? $"{m.Groups["label"].Value} ({m.Groups["url"].Value})" : m.Groups["url"].Value);
        return links.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<(?<url>(?:https?|mailto):[^|>\s]+)(?:\|(?<label>[^>]+))?>")]
    private static partial Regex Link();
}
