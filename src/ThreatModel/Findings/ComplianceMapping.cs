namespace Vigil.ThreatModel.Findings;

/// <summary>Control ids from the checked reference tables (NIST SP 800-53 Rev. 5, PCI DSS v4.0, ISO/IEC 27001:2022 Annex A).</summary>
public sealed record ComplianceMapping(
    IReadOnlyList<string> Nist80053,
    IReadOnlyList<string> PciDss,
    IReadOnlyList<string> Iso27001)
{
    public static ComplianceMapping None { get; } = new([], [], []);
}
