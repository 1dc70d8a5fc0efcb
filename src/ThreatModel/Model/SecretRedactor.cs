using System.Text.RegularExpressions;

namespace Vigil.ThreatModel.Model;

/// <summary>
/// Masks token-shaped secrets in quotes before they become evidence: reports are posted to chat and uploaded to code
/// scanning, and a finding about a leaked key must not leak it again. The prefix stays so the quote still says what it was.
/// </summary>
public static partial class SecretRedactor
{
    public static string Redact(string text) => SecretShape().Replace(text, m => m.Groups["keep"].Value + "…[redacted]");

    [GeneratedRegex(
        @"(?<keep>\b(?:sk|rk|pk)_(?:live|test)_)[A-Za-z0-9]{6,}" +
        @"|(?<keep>\b(?:AKIA|ASIA))[A-Z0-9]{16}\b" +
        @"|(?<keep>\bxox[abposr]-)[A-Za-z0-9-]{10,}" +
        @"|(?<keep>\bgh[pousr]_)[A-Za-z0-9]{20,}" +
        @"|(?<keep>\bglpat-)[A-Za-z0-9_-]{16,}" +
        @"|(?<keep>\bAIza)[A-Za-z0-9_-]{30,}" +
        @"|(?<keep>\beyJ[A-Za-z0-9_-]{5})[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+" +
        @"|(?<keep>-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)" +
        @"|(?<keep>(?<![A-Za-z])(?:password|passwd|pwd|secret|api[_-]?key|token)\s*[:=]\s*[""']?)(?![""']?\s*(?:\$\{|<|\*{3}|xxx|\.\.\.))[^\s""',;]{6,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretShape();
}
