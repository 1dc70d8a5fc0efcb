using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Findings;

/// <summary>A threat found in one design, explained and scored.</summary>
/// <param name="Id">Stable id: derived from the rule id and the subject's element ids only.</param>
/// <param name="Component">Display name of the element or flow the finding is about.</param>
/// <param name="ComponentId">Element or flow id, or null for a system-wide finding.</param>
/// <param name="Rationale">One sentence saying why it scores as it does.</param>
public sealed record Finding(
    string Id,
    string RuleId,
    string Title,
    string Description,
    IReadOnlyList<Stride> Stride,
    Severity Severity,
    double Score,
    string Component,
    string? ComponentId,
    IReadOnlyList<int> Cwe,
    IReadOnlyList<int> Capec,
    IReadOnlyList<string> Mitigations,
    IReadOnlyList<Evidence> Evidence,
    ComplianceMapping Compliance,
    string Rationale,
    FindingStatus Status = FindingStatus.Open);
