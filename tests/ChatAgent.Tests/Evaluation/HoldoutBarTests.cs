using Vigil.ChatAgent.Evaluation;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Evaluation;

namespace Vigil.ChatAgent.Tests.Evaluation;

/// <summary>
/// Designs written without looking at the rules (Holdout/README.md). The floors are regression guards set just below
/// the measured figures; the strict cases are never tuned against, so their floor says how well the engine generalizes.
/// </summary>
public sealed class HoldoutBarTests
{
    // 13-24 were written blind and are never tuned against; 25 and above are open tuning cases (Holdout/README.md).
    private const int FirstStrictCase = 13;
    private const int LastStrictCase = 24;

    private static readonly Lazy<IReadOnlyList<CaseScore>> Scores = new(() =>
        CorpusEvaluator.Evaluate(Path.Combine(RepositoryPaths.Root, "tests", "ChatAgent.Tests", "Holdout"), ThreatAnalyzer.Default));

    private static bool IsStrict(CaseScore score) =>
        int.Parse(score.Case[..2], System.Globalization.CultureInfo.InvariantCulture) is >= FirstStrictCase and <= LastStrictCase;

    private static double Recall(IEnumerable<CaseScore> cases)
    {
        var list = cases.ToList();
        return (double)list.Sum(c => c.Matched.Count) / list.Sum(c => c.Expected);
    }

    [Fact]
    public void No_finding_contradicts_a_stated_control_on_any_holdout_design()
    {
        var violations = Scores.Value.SelectMany(c => c.AbsentViolations.Select(v => $"{c.Case}: {v.Finding.RuleId} vs '{v.Absent.Summary}'")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Recall_on_the_tuning_holdout_cases_does_not_regress()
    {
        var recall = Recall(Scores.Value.Where(c => !IsStrict(c)));
        Assert.True(recall >= TuningFloor, $"recall {recall:0.000} < {TuningFloor}");
    }

    [Fact]
    public void Recall_on_the_strict_holdout_cases_does_not_regress()
    {
        var recall = Recall(Scores.Value.Where(IsStrict));
        Assert.True(recall >= StrictFloor, $"recall {recall:0.000} < {StrictFloor}");
    }

    [Fact]
    public void No_holdout_case_is_noisy() =>
        Assert.All(Scores.Value, c => Assert.True(c.NoiseRatio <= 2.5, $"{c.Case}: {c.Findings} findings for {c.Expected} expected"));

    private const double TuningFloor = 0.90;
    private const double StrictFloor = 0.55;
}
