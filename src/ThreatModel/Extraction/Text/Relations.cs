using System.Text.RegularExpressions;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>Words between two element names that say data moves from the first to the second.</summary>
internal static partial class Relations
{
    public static bool Connects(string between) => between.Length <= 80 && Verb().IsMatch(between);

    /// <summary>The protocol a sentence names for a flow, and whether it says the transport is encrypted.</summary>
    public static (string? Protocol, bool? Encrypted) Transport(string sentence)
    {
        var match = Protocol().Match(sentence);
        if (!match.Success)
        {
            return (null, null);
        }

        var protocol = match.Value.ToLowerInvariant();
        bool? encrypted = protocol switch
        {
            "https" or "tls" or "mtls" or "sftp" or "grpcs" or "wss" or "ssh" => true,
            "http" or "ftp" or "ws" or "telnet" => Cleartext().IsMatch(sentence) || sentence.Contains("http://", StringComparison.OrdinalIgnoreCase) ? false : null,
            _ => null,
        };
        return (protocol, encrypted);
    }

    [GeneratedRegex(@"(?:->|→|=>|⟶)|\b(?:calls?|calling|hits?|posts?|sends?|sending|forwards?|publish(?:es)?|publishing|produces?|producing|writes?|writing|pushes?|uploads?|connects?|talks?|queries|query|requests?|invokes?|redirects?|proxies|routes?|fetch(?:es)?|pulls?|reads?|reading|consumes?|consuming|subscribes?|loads?|syncs?|exports?|ships?|streams?|emits?|notifies|triggers?|deploys?|goes|go|lands?|dumps?|copies|replicates?|via|through|into|to|from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    [GeneratedRegex(@"\b(?:https|http|mtls|tls|grpcs?|mqtts?|amqps?|sftp|ftp|ssh|wss?|sql|kafka|smtp|telnet|soap|graphql)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Protocol();

    [GeneratedRegex(@"\b(?:plain(?:text)?|clear ?text|unencrypted|no tls|without tls)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cleartext();
}
