using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Evaluation;

/// <summary>How one analysis did against its expected threats.</summary>
public sealed record CaseScore(
    string Case,
    int Expected,
    IReadOnlyList<string> Matched,
    IReadOnlyList<ExpectedThreat> Missed,
    IReadOnlyList<(ExpectedThreat Absent, Finding Finding)> AbsentViolations,
    int Findings)
{
    public double Recall => Expected == 0 ? 1 : (double)Matched.Count / Expected;

    /// <summary>Findings per expected threat: the noise measure (the bar is at most 2.5).</summary>
    public double NoiseRatio => Expected == 0 ? Findings : (double)Findings / Expected;

    public static CaseScore Of(string name, ExpectedCase expected, AnalysisResult result)
    {
        var matched = expected.Threats.Where(t => result.Findings.Any(f => ThreatMatcher.Matches(t, f))).ToList();
        var violations = expected.Absent
            .SelectMany(a => result.Findings.Where(f => ThreatMatcher.Matches(a, f, checkStride: false)).Select(f => (a, f)))
            .ToList();
        return new CaseScore(name, expected.Threats.Count, matched.Select(t => t.Id ?? t.Summary).ToList(),
            expected.Threats.Except(matched).ToList(), violations, result.Findings.Count);
    }
}
