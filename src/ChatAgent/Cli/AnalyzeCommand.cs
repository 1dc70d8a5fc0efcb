using System.CommandLine;
using Vigil.Ingestion;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.Cli;

/// <summary><c>vigil analyze PATH... [--format F] [--out FILE] [--catalog DIR]</c></summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Docs (.md/.txt/.pdf/.docx), thread files (.json), OpenAPI specs, Slack export folders, whiteboard photos, voice notes, or folders of these.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json | md | sarif | threatdragon | mermaid", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong(ReportExporters.All.Select(e => e.Format).ToArray());
        var outFile = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output." };
        var catalog = CatalogOption.Create();
        var command = new Command("analyze", "Build the threat model of a design and report its threats.") { paths, format, outFile, catalog };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(paths)!, parse.GetValue(format)!, parse.GetValue(outFile), parse.GetValue(catalog), output, error, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string format, string? outFile, string? catalogDirectory, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var analyzer = CatalogOption.Analyzer(catalogDirectory, error);
        if (analyzer is null)
        {
            return ExitCodes.NothingAnalyzed;
        }

        var inputs = InputLoader.Load(paths);
        if (inputs.Binaries.Count > 0)
        {
            // Images, voice notes, PDF and DOCX go through the pipeline's own decoders (OCR, transcription).
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            await using var decoders = DecoderServices.Standalone(configuration, DataFolder.Of(configuration));
            inputs = await BinaryInputs.DecodeAsync(inputs, decoders.GetRequiredService<ContentDecoders>(), cancellation);
        }

        foreach (var problem in inputs.Errors)
        {
            error.WriteLine($"vigil: {problem}");
        }

        var unreadable = 0;
        var name = string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        var result = analyzer.Analyze(inputs.Sources, name, onUnreadable: e =>
        {
            error.WriteLine($"vigil: {e.Message}");
            unreadable++;
        });
        if (inputs.Sources.Count == unreadable)
        {
            error.WriteLine("vigil: nothing could be analyzed");
            return ExitCodes.NothingAnalyzed;
        }

        var report = ReportExporters.For(format)!.Export(result);
        if (outFile is null)
        {
            output.WriteLine(report);
        }
        else
        {
            File.WriteAllText(outFile, report);
        }

        return ExitCodes.Ok;
    }
}
