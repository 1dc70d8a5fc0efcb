using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>The JSON shape of an analysis: the model as it is, findings in their contract shape, attack paths.</summary>
internal sealed record AnalysisDocument(
    SystemModel Model,
    IReadOnlyList<FindingDocument> Findings,
    IReadOnlyList<AttackPath> AttackPaths)
{
    public static AnalysisDocument From(AnalysisResult result) =>
        new(result.Model, result.Findings.Select(FindingDocument.From).ToList(), result.AttackPaths);

    public AnalysisResult ToResult() =>
        new(Model, Findings.Select(f => f.ToFinding()).ToList(), AttackPaths);
}
