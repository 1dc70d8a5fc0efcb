using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Diff;

/// <summary>What changed between two versions of a design and its risk.</summary>
public sealed record ModelDiff(
    IReadOnlyList<string> AddedElements,
    IReadOnlyList<string> RemovedElements,
    IReadOnlyList<string> AddedFlows,
    IReadOnlyList<string> RemovedFlows,
    IReadOnlyList<string> AddedControls,
    IReadOnlyList<string> RemovedControls,
    IReadOnlyList<Finding> NewFindings,
    IReadOnlyList<Finding> ResolvedFindings,
    IReadOnlyList<RescoredFinding> RescoredFindings,
    string Summary)
{
    public bool IsEmpty =>
        AddedElements.Count + RemovedElements.Count + AddedFlows.Count + RemovedFlows.Count + AddedControls.Count
        + RemovedControls.Count + NewFindings.Count + ResolvedFindings.Count + RescoredFindings.Count == 0;
}

/// <summary>A finding present in both versions whose score moved.</summary>
public sealed record RescoredFinding(Finding Before, Finding After);
