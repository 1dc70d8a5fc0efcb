using System.Text;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>One finding: what, where, how bad and why, the words it was read from, and what to do.</summary>
internal static class MarkdownFinding
{
    public static void Write(StringBuilder sb, Finding f)
    {
        sb.Line($"#### {MarkdownText.Inline(f.Id)} · {MarkdownText.Inline(f.Title)}").Line();
        var where = f.ComponentId is null || f.ComponentId == f.Component
            ? MarkdownText.Inline(f.Component)
            : $"{MarkdownText.Inline(f.Component)} ({MarkdownText.Code(f.ComponentId)})";
        sb.Line($"- **Component:** {where}");
        sb.Line($"- **Score:** {Scores.Text(f.Score)} / 10 · {Labels.Of(f.Severity)} · {Labels.Of(f.Status)}");
        sb.Line($"- **Why this score:** {MarkdownText.Inline(f.Rationale)}");
        sb.Line($"- **STRIDE:** {(f.Stride.Count == 0 ? "—" : string.Join(", ", f.Stride.Select(Labels.Words)))}");
        sb.Line($"- **CWE:** {Links(f.Cwe, "CWE", "https://cwe.mitre.org/data/definitions/{0}.html")}");
        sb.Line($"- **CAPEC:** {Links(f.Capec, "CAPEC", "https://capec.mitre.org/data/definitions/{0}.html")}");
        sb.Line($"- **Rule:** {MarkdownText.Code(f.RuleId)}").Line();

        foreach (var line in MarkdownText.Lines(f.Description))
        {
            sb.Line(line);
        }

        sb.Line();
        if (f.Evidence.Count > 0)
        {
            sb.Line("**Evidence**").Line();
            foreach (var evidence in f.Evidence)
            {
                foreach (var line in MarkdownText.Lines(evidence.Quote))
                {
                    sb.Line(line.Length == 0 ? ">" : $"> {line}");
                }

                sb.Line(">").Line($"> — {MarkdownText.Code(evidence.Source)}").Line();
            }
        }

        if (f.Mitigations.Count > 0)
        {
            sb.Line("**Mitigations**").Line();
            foreach (var mitigation in f.Mitigations)
            {
                sb.Line($"- [ ] {MarkdownText.Inline(mitigation)}");
            }

            sb.Line();
        }
    }

    private static string Links(IReadOnlyList<int> ids, string prefix, string urlFormat) =>
        ids.Count == 0
            ? "—"
            : string.Join(", ", ids.Select(id => $"[{prefix}-{id}]({string.Format(System.Globalization.CultureInfo.InvariantCulture, urlFormat, id)})"));
}
