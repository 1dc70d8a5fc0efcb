using System.Text;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// <c>--format md</c>: a report a team can paste into a PR or wiki: summary, data flow diagram, findings from
/// critical to low, attack paths, compliance impact.
/// </summary>
public sealed class MarkdownReportExporter : IReportExporter
{
    public string Format => "md";

    public string FileExtension => ".md";

    public string Export(AnalysisResult result)
    {
        var model = result.Model;
        var sb = new StringBuilder();
        sb.Line($"# Threat model: {MarkdownText.Inline(model.Name)}").Line();
        sb.Line($"Model version {model.Version} · {model.Elements.Count} elements · {model.Flows.Count} data flows · " +
                $"{model.Boundaries.Count} trust boundaries · {result.Findings.Count} findings").Line();

        MarkdownSummary.Write(sb, result.Findings);

        sb.Line("## Data flow diagram").Line();
        sb.Line("```mermaid").Append(DataFlowDiagram.Build(model)).Line("```").Line();

        sb.Line("## Findings").Line();
        if (result.Findings.Count == 0)
        {
            sb.Line("No findings.").Line();
        }

        foreach (var group in result.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            sb.Line($"### {Labels.Title(group.Key)} ({group.Count()})").Line();
            foreach (var finding in group)
            {
                MarkdownFinding.Write(sb, finding);
            }
        }

        MarkdownAttackPaths.Write(sb, result);
        MarkdownComplianceTable.Write(sb, result.Findings);
        return sb.ToString();
    }
}
