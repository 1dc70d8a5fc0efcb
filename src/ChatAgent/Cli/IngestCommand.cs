using System.CommandLine;
using Microsoft.Extensions.Options;
using Vigil.Ingestion;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Queue;
using Vigil.Ingestion.Sources;
using Vigil.Retrieval;
using Vigil.Retrieval.Index;
using Vigil.ThreatModel.Analysis;

namespace Vigil.ChatAgent.Cli;

/// <summary>
/// <c>vigil ingest PATH... --channel NAME [--private] [--workspace W] [--data-dir D]</c>: puts files and threads
/// through the same durable pipeline the host runs, then waits until every item is done, failed or waiting. A run
/// that is killed resumes where it stopped when started again.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, thread files (.json) or folders of these.", Arity = ArgumentArity.OneOrMore };
        var channel = new Option<string>("--channel") { Description = "Channel the inputs count as said in.", Required = true };
        var isPrivate = new Option<bool>("--private") { Description = "The channel is private: its text is only retrieved from inside it." };
        var workspace = new Option<string>("--workspace") { Description = "Workspace (Slack team or Teams tenant).", DefaultValueFactory = _ => "local" };
        var dataDir = DataDirOption.Create();
        var command = new Command("ingest", "Ingest design inputs into the local index and thread models.") { paths, channel, isPrivate, workspace, dataDir };
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(paths)!, parse.GetValue(workspace)!, parse.GetValue(channel)!, parse.GetValue(isPrivate), parse.GetValue(dataDir), output, error, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string workspace, string channel, bool privateChannel, string? dataDir, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        using var host = IngestionHost.Build(dataDir);
        await host.Services.EnsureIndexCompatibleAsync(cancellation);
        var (requests, problems) = IngestRequests.From(paths, workspace, channel, privateChannel);
        foreach (var problem in problems)
        {
            error.WriteLine($"vigil: {problem}");
        }

        if (requests.Count == 0)
        {
            error.WriteLine("vigil: nothing to ingest");
            return ExitCodes.NothingAnalyzed;
        }

        await host.StartAsync(cancellation);
        var services = host.Services;
        var inbox = services.GetRequiredService<IngestionInbox>();
        var accepted = new List<IngestionItem>();
        foreach (var request in requests)
        {
            accepted.Add(await inbox.AcceptAsync(request, cancellation));
        }

        var queue = services.GetRequiredService<JobQueue>();
        await queue.WaitUntilIdleAsync(cancellation);

        await services.GetRequiredService<ThreadModeler>().RebuildDueAsync(TimeSpan.Zero, TimeSpan.Zero, cancellation);
        await host.StopAsync(cancellation);
        return await ReportAsync(accepted, queue, services.GetRequiredService<IVectorIndex>(), output, error, cancellation);
    }

    private static async Task<int> ReportAsync(List<IngestionItem> accepted, JobQueue queue, IVectorIndex index, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var ids = accepted.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var items = (await queue.ListAsync(null, cancellation)).Where(i => ids.Contains(i.Id)).ToList();
        foreach (var item in items.Where(i => i.Status is ItemStatus.Failed or ItemStatus.Waiting))
        {
            error.WriteLine($"vigil: {item.Source}: {(item.Status == ItemStatus.Waiting ? "waiting: " : "")}{item.Reason}");
        }

        var done = items.Count(i => i.Status == ItemStatus.Done);
        var chunks = await index.ChunksPerItemAsync(cancellation);
        output.WriteLine($"ingested {done} of {items.Count} items ({items.Where(i => chunks.ContainsKey(i.Id)).Sum(i => chunks[i.Id])} chunks indexed); "
            + $"{items.Count(i => i.Status == ItemStatus.Failed)} failed, {items.Count(i => i.Status == ItemStatus.Waiting)} waiting");
        return done == 0 ? ExitCodes.NothingAnalyzed : ExitCodes.Ok;
    }
}
