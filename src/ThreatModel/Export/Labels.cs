using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>How enum values read in exported documents.</summary>
internal static class Labels
{
    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The contract spelling: <c>open</c>, <c>accepted</c>, <c>mitigated</c>, <c>falsePositive</c>.</summary>
    public static string Of(FindingStatus status) => status switch
    {
        FindingStatus.FalsePositive => "falsePositive",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The STRIDE category as people write it, e.g. "Information disclosure" (also Threat Dragon's spelling).</summary>
    public static string Words(Stride stride) => stride switch
    {
        Stride.Spoofing => "Spoofing",
        Stride.Tampering => "Tampering",
        Stride.Repudiation => "Repudiation",
        Stride.InformationDisclosure => "Information disclosure",
        Stride.DenialOfService => "Denial of service",
        Stride.ElevationOfPrivilege => "Elevation of privilege",
        _ => stride.ToString(),
    };

    public static string Title(Severity severity) => severity.ToString();
}
