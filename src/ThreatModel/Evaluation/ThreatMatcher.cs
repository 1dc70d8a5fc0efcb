using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Evaluation;

/// <summary>The corpus matching rule: STRIDE agrees, and either every keyword of one group or a CWE id matches.</summary>
public static class ThreatMatcher
{
    private static readonly Dictionary<string, Stride> Letters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S"] = Stride.Spoofing, ["T"] = Stride.Tampering, ["R"] = Stride.Repudiation,
        ["I"] = Stride.InformationDisclosure, ["D"] = Stride.DenialOfService, ["E"] = Stride.ElevationOfPrivilege,
    };

    public static bool Matches(ExpectedThreat expected, Finding finding, bool checkStride = true)
    {
        if (checkStride && expected.Stride is not null && !finding.Stride.Contains(Letters[expected.Stride]))
        {
            return false;
        }

        var text = $"{finding.Title} {finding.Description}";
        var keywordHit = expected.Match.KeywordsAny.Any(group => group.All(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)));
        return keywordHit || finding.Cwe.Any(expected.Match.Cwe.Contains);
    }
}
