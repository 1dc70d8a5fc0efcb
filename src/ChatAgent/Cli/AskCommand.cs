using System.CommandLine;
using System.Text.Json;
using Vigil.Ingestion.Modeling;
using Vigil.Retrieval;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Search;

namespace Vigil.ChatAgent.Cli;

/// <summary>
/// <c>vigil ask "QUESTION" --channel NAME [--thread T] [--workspace W] [--format text|json] [--data-dir D]</c>:
/// answers from the findings of the channel's (or thread's) current models and the passages retrieved for the
/// question — only from what that channel may see.
/// </summary>
internal static class AskCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var question = new Argument<string>("QUESTION") { Description = "The question, as you would ask it in the channel." };
        var channel = new Option<string>("--channel") { Description = "Channel the question is asked in.", Required = true };
        var thread = new Option<string?>("--thread") { Description = "Restrict the answer to one thread of the channel." };
        var workspace = new Option<string>("--workspace") { Description = "Workspace (Slack team or Teams tenant).", DefaultValueFactory = _ => "local" };
        var format = new Option<string>("--format") { Description = "text | json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var dataDir = DataDirOption.Create();
        var command = new Command("ask", "Ask about the risks of what was ingested, scoped to a channel.") { question, channel, thread, workspace, format, dataDir };
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(question)!, new SearchScope(parse.GetValue(workspace)!, parse.GetValue(channel)!, parse.GetValue(thread)),
            parse.GetValue(format)!, parse.GetValue(dataDir), output, error, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string question, SearchScope scope, string format, string? dataDir, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        using var host = IngestionHost.Build(dataDir, withWorkers: false);
        await host.Services.EnsureIndexCompatibleAsync(cancellation);
        var passages = await host.Services.GetRequiredService<HybridSearch>().SearchAsync(question, scope, 5, cancellation);
        var analyses = await host.Services.GetRequiredService<ModelVersions>().LatestInChannelAsync(scope.Workspace, scope.Channel, cancellation);
        var threadKey = scope.Thread is null ? null : $"{scope.Workspace}/{scope.Channel}/{scope.Thread}";
        var findings = AskFindings.Relevant(question, analyses.Where(a => threadKey is null || a.ThreadKey == threadKey).Select(a => a.Json), passages);
        if (passages.Count == 0 && findings.Count == 0)
        {
            error.WriteLine($"vigil: nothing has been ingested that #{scope.Channel} can see; run `vigil ingest PATH --channel {scope.Channel}` first");
            return ExitCodes.NothingAnalyzed;
        }

        output.WriteLine(format == "json" ? AskAnswer.Json(question, scope, findings, passages) : AskAnswer.Text(findings, passages));
        return ExitCodes.Ok;
    }
}
