using System.Text;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>The part a busy reader stops at: how many findings of each severity, and the one to fix first.</summary>
internal static class MarkdownSummary
{
    public static void Write(StringBuilder sb, IReadOnlyList<Finding> findings)
    {
        sb.Line("## Summary").Line();
        sb.Line("| Severity | Open | All |").Line("|---|---:|---:|");
        foreach (var severity in Enum.GetValues<Severity>().Reverse())
        {
            var all = findings.Count(f => f.Severity == severity);
            var open = findings.Count(f => f.Severity == severity && f.Status == FindingStatus.Open);
            sb.Line($"| {Labels.Title(severity)} | {open} | {all} |");
        }

        sb.Line();
        var top = TopRisk(findings);
        sb.Line(top is null
            ? "**Top risk:** none open."
            : $"**Top risk:** {MarkdownText.Inline(top.Id)} {MarkdownText.Inline(top.Title)} — " +
              $"{MarkdownText.Inline(top.Component)}, score {Scores.Text(top.Score)} ({Labels.Of(top.Severity)}). " +
              MarkdownText.Inline(top.Rationale));
        sb.Line();
    }

    /// <summary>The open finding with the highest score; earlier wins a tie, as the analysis ranked it.</summary>
    public static Finding? TopRisk(IReadOnlyList<Finding> findings) =>
        findings.Where(f => f.Status == FindingStatus.Open)
            .OrderByDescending(f => Scores.OneDecimal(f.Score))
            .ThenByDescending(f => f.Severity)
            .FirstOrDefault();
}
