using Vigil.ChatAgent.Evaluation;
using Vigil.ThreatModel.Analysis;

namespace Vigil.ChatAgent.Tests.Evaluation;

/// <summary>The bars the engine is held to on the visible corpus (thread.json plus its OpenAPI attachments).</summary>
public sealed class CorpusBarTests
{
    private static readonly Lazy<IReadOnlyList<ThreatModel.Evaluation.CaseScore>> Scores =
        new(() => CorpusEvaluator.Evaluate(RepositoryPaths.Corpus, ThreatAnalyzer.Default));

    [Fact]
    public void All_twelve_cases_are_evaluated() => Assert.Equal(12, Scores.Value.Count);

    [Fact]
    public void Micro_recall_is_at_least_85_percent()
    {
        var totals = CorpusTotals.Of(Scores.Value);
        var missed = string.Join("\n", Scores.Value.SelectMany(c => c.Missed.Select(m => $"{c.Case} {m.Id}: {m.Summary}")));
        Assert.True(totals.MicroRecall >= 0.85, $"micro recall {totals.MicroRecall:0.000}; missed:\n{missed}");
    }

    [Fact]
    public void No_finding_contradicts_a_control_the_design_states()
    {
        var violations = Scores.Value.SelectMany(c => c.AbsentViolations.Select(v => $"{c.Case}: {v.Finding.RuleId} '{v.Finding.Title}' vs '{v.Absent.Summary}'")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void No_case_has_more_than_two_and_a_half_findings_per_expected_threat()
    {
        var noisy = Scores.Value.Where(c => c.NoiseRatio > 2.5).Select(c => $"{c.Case}: {c.Findings} findings for {c.Expected} expected").ToList();
        Assert.True(noisy.Count == 0, string.Join("\n", noisy));
    }
}
