using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Evaluation;

namespace Vigil.ChatAgent.Evaluation;

/// <summary>
/// Scores the analyzer on a corpus: each case folder holds <c>thread.json</c> (with its attachments) and
/// <c>expected.json</c>. The analysis reads exactly what <c>vigil analyze</c> would read.
/// </summary>
public static class CorpusEvaluator
{
    /// <param name="input">Which file of each case to analyze: the thread (default) or, e.g., <c>design.md</c>.</param>
    /// <param name="onInputError">Told about every input of a case that could not be read (the case is still scored).</param>
    public static IReadOnlyList<CaseScore> Evaluate(string corpusDirectory, ThreatAnalyzer analyzer, string input = "thread.json", Action<InputError>? onInputError = null)
    {
        if (!Directory.Exists(corpusDirectory))
        {
            throw new DirectoryNotFoundException($"{corpusDirectory}: no such corpus folder");
        }

        var scores = new List<CaseScore>();
        foreach (var caseDirectory in Directory.EnumerateDirectories(corpusDirectory).Order(StringComparer.Ordinal))
        {
            var expectedPath = Path.Combine(caseDirectory, "expected.json");
            var threadPath = Path.Combine(caseDirectory, input);
            if (!File.Exists(expectedPath) || !File.Exists(threadPath))
            {
                continue;
            }

            var inputs = InputLoader.Load([threadPath]);
            foreach (var problem in inputs.Errors)
            {
                onInputError?.Invoke(problem);
            }

            var result = analyzer.Analyze(inputs.Sources, Path.GetFileName(caseDirectory));
            scores.Add(CaseScore.Of(Path.GetFileName(caseDirectory), ExpectedCase.Parse(File.ReadAllText(expectedPath)), result));
        }

        return scores;
    }
}
