namespace Vigil.ThreatModel.Model;

/// <summary>The kinds of trust zone an element can live in.</summary>
public enum BoundaryKind
{
    Internet,
    CorporateNetwork,
    CloudNetwork,
    Cluster,
    ThirdParty,
    Device,
    Tenant,
}
