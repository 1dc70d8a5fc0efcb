using System.Text.Json.Serialization;
using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// A finding in the JSON contract shape (DESIGN.md): <c>evidence</c> is the first quote a reader should see,
/// <c>relatedEvidence</c> holds all of them, <c>score</c> has one decimal.
/// </summary>
internal sealed record FindingDocument(
    string Id,
    string RuleId,
    string Title,
    string Description,
    IReadOnlyList<Stride> Stride,
    Severity Severity,
    [property: JsonConverter(typeof(OneDecimalJsonConverter))] double Score,
    string Component,
    string? ComponentId,
    IReadOnlyList<int> Cwe,
    IReadOnlyList<int> Capec,
    IReadOnlyList<string> Mitigations,
    Evidence? Evidence,
    IReadOnlyList<Evidence> RelatedEvidence,
    ComplianceMapping Compliance,
    string Rationale,
    FindingStatus Status)
{
    public static FindingDocument From(Finding f) => new(
        f.Id, f.RuleId, f.Title, f.Description, f.Stride, f.Severity, Scores.OneDecimal(f.Score),
        f.Component, f.ComponentId, f.Cwe, f.Capec, f.Mitigations,
        f.Evidence.Count > 0 ? f.Evidence[0] : null, f.Evidence, f.Compliance, f.Rationale, f.Status);

    public Finding ToFinding() => new(
        Id, RuleId, Title, Description, Stride, Severity, Score, Component, ComponentId, Cwe, Capec, Mitigations,
        RelatedEvidence.Count > 0 ? RelatedEvidence : Evidence is null ? [] : [Evidence],
        Compliance, Rationale, Status);
}
