using System.CommandLine;
using System.Globalization;
using Vigil.ChatAgent.Evaluation;

namespace Vigil.ChatAgent.Cli;

/// <summary><c>vigil eval CORPUS_DIR [--verbose] [--input FILE]</c>: per-case recall, absent-violations and finding counts, then totals.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("CORPUS_DIR") { Description = "Folder of cases, each with thread.json and expected.json." };
        var verbose = new Option<bool>("--verbose") { Description = "Also list missed threats and absent violations." };
        var input = new Option<string>("--input") { Description = "File of each case to analyze (default thread.json; design.md checks the same facts written as a doc).", DefaultValueFactory = _ => "thread.json" };
        var catalog = CatalogOption.Create();
        var command = new Command("eval", "Score the analyzer against expected threats.") { corpus, verbose, input, catalog };
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(verbose), parse.GetValue(input)!, parse.GetValue(catalog), output, error));
        return command;
    }

    private static int Run(string corpus, bool verbose, string input, string? catalogDirectory, TextWriter output, TextWriter error)
    {
        var analyzer = CatalogOption.Analyzer(catalogDirectory, error);
        if (analyzer is null)
        {
            return ExitCodes.NothingAnalyzed;
        }

        IReadOnlyList<ThreatModel.Evaluation.CaseScore> cases;
        try
        {
            cases = CorpusEvaluator.Evaluate(corpus, analyzer, input, problem => error.WriteLine($"vigil: {problem}"));
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine($"vigil: {e.Message}");
            return ExitCodes.NothingAnalyzed;
        }

        if (cases.Count == 0)
        {
            error.WriteLine($"vigil: {corpus}: no case folder with {input} and expected.json");
            return ExitCodes.NothingAnalyzed;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{"case",-32} {"recall",7} {"absent-violations",18} {"findings",9} {"expected",9} {"ratio",6}");
        foreach (var score in cases)
        {
            output.WriteLine(string.Create(c, $"{score.Case,-32} {score.Recall,7:0.00} {score.AbsentViolations.Count,18} {score.Findings,9} {score.Expected,9} {score.NoiseRatio,6:0.0}"));
            if (verbose)
            {
                foreach (var missed in score.Missed)
                {
                    output.WriteLine($"    missed {missed.Id} [{missed.Stride}] {missed.Component}: {missed.Summary}");
                }

                foreach (var (absent, finding) in score.AbsentViolations)
                {
                    output.WriteLine($"    ABSENT VIOLATED by {finding.RuleId} '{finding.Title}': {absent.Summary}");
                }
            }
        }

        var totals = CorpusTotals.Of(cases);
        output.WriteLine(string.Create(c, $"{"TOTAL",-32} {totals.MicroRecall,7:0.00} {totals.AbsentViolations,18} {totals.Findings,9} {totals.Expected,9} {totals.WorstNoiseRatio,6:0.0} (micro recall; worst ratio)"));
        return ExitCodes.Ok;
    }
}
