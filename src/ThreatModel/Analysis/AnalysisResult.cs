using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Analysis;

/// <summary>Everything one analysis of a design produced: the model, its findings (most severe first) and attack paths.</summary>
public sealed record AnalysisResult(
    SystemModel Model,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AttackPath> AttackPaths);
