using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>SARIF has three levels; critical and high both fail a build, medium warns, low informs.</summary>
internal static class SarifLevels
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };
}
