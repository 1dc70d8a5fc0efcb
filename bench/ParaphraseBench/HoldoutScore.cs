using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Evaluation;
using Vigil.ThreatModel.Extraction;
using Vigil.ThreatModel.Knowledge;

namespace Vigil.Bench;

internal sealed record HoldoutTotals(int Expected, int Matched, int Violations, int Findings)
{
    public double Recall => Expected == 0 ? 0 : (double)Matched / Expected;
}

/// <summary>Scores the analyzer (optionally with an enricher) on every case of a corpus folder.</summary>
internal static class HoldoutScore
{
    public static HoldoutTotals Run(string corpus, ISourceExtractor? enricher)
    {
        var analyzer = new ThreatAnalyzer(Catalog.Default, enricher is null ? null : [enricher]);
        var scores = Directory.EnumerateDirectories(corpus).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "expected.json")) && File.Exists(Path.Combine(d, "thread.json")))
            .Select(d => CaseScore.Of(Path.GetFileName(d), ExpectedCase.Parse(File.ReadAllText(Path.Combine(d, "expected.json"))),
                analyzer.Analyze(InputLoader.Load([Path.Combine(d, "thread.json")]).Sources, Path.GetFileName(d))))
            .ToList();
        return new HoldoutTotals(scores.Sum(s => s.Expected), scores.Sum(s => s.Matched.Count), scores.Sum(s => s.AbsentViolations.Count), scores.Sum(s => s.Findings));
    }
}
