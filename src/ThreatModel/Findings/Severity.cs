namespace Vigil.ThreatModel.Findings;

/// <summary>Severity bands over the 0–10 score, ordered.</summary>
public enum Severity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
