namespace Vigil.ThreatModel.Model;

/// <summary>Data sensitivity, ordered: a higher value is more sensitive.</summary>
public enum Classification
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
    Restricted = 3,
}
