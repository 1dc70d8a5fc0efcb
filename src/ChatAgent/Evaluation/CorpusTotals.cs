using Vigil.ThreatModel.Evaluation;

namespace Vigil.ChatAgent.Evaluation;

/// <summary>The corpus-wide figures the engine is held to.</summary>
public sealed record CorpusTotals(int Expected, int Matched, int AbsentViolations, int Findings, double WorstNoiseRatio)
{
    public double MicroRecall => Expected == 0 ? 1 : (double)Matched / Expected;

    public static CorpusTotals Of(IReadOnlyList<CaseScore> cases) => new(
        cases.Sum(c => c.Expected),
        cases.Sum(c => c.Matched.Count),
        cases.Sum(c => c.AbsentViolations.Count),
        cases.Sum(c => c.Findings),
        cases.Count == 0 ? 0 : cases.Max(c => c.NoiseRatio));
}
