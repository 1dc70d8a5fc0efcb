namespace Vigil.ThreatModel.Model;

public static class BoundaryNames
{
    public static string Of(BoundaryKind kind) => kind switch
    {
        BoundaryKind.Internet => "Internet",
        BoundaryKind.CorporateNetwork => "Corporate network",
        BoundaryKind.CloudNetwork => "Cloud network",
        BoundaryKind.Cluster => "Cluster",
        BoundaryKind.ThirdParty => "Third party",
        BoundaryKind.Device => "Device",
        BoundaryKind.Tenant => "Tenant",
        _ => kind.ToString(),
    };

    /// <summary>Zones an attacker is assumed to start from.</summary>
    public static bool IsUntrusted(BoundaryKind kind) => kind is BoundaryKind.Internet or BoundaryKind.ThirdParty or BoundaryKind.Device;
}
