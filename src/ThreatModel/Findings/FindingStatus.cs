namespace Vigil.ThreatModel.Findings;

public enum FindingStatus
{
    Open,
    Accepted,
    Mitigated,
    FalsePositive,
}
