using System.Globalization;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>How the digest writes numbers, dates and findings, the same in every section.</summary>
internal static class DigestText
{
    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Finding(Finding finding) => $"{finding.Id} {finding.Title} ({finding.Component})";

    public static string SeverityWord(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>"▲ 2 from 5", "▼ 3.0 from 87.5", or "unchanged" when the numbers are equal.</summary>
    public static string Move(double now, double then, Func<double, string> format) =>
        Math.Abs(now - then) < 0.05 ? "unchanged from a week ago"
        : now > then ? $"▲ {format(now - then)} from {format(then)} a week ago"
        : $"▼ {format(then - now)} from {format(then)} a week ago";

    /// <summary>"▲2", "▼3.0", "=": the same move, short enough for a notification.</summary>
    public static string ShortMove(double now, double then, Func<double, string> format) =>
        Math.Abs(now - then) < 0.05 ? "=" : now > then ? $"▲{format(now - then)}" : $"▼{format(then - now)}";

    public static string Count(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>At most <paramref name="max"/> lines, and "…and N more" when there were more.</summary>
    public static IReadOnlyList<string> Limit(IReadOnlyList<string> lines, int max) =>
        lines.Count <= max ? lines : [.. lines.Take(max), $"…and {lines.Count - max} more"];

    public static FindingView View(Finding finding) => new(
        finding.Id,
        finding.Title,
        finding.Severity,
        finding.Score,
        finding.Component,
        finding.Rationale,
        finding.Mitigations,
        finding.Evidence.Select(e => new EvidenceLink(e.Source, e.Quote)).ToList(),
        FindingStatus.Open,
        finding.Compliance);
}
