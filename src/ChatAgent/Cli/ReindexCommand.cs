using System.CommandLine;
using Microsoft.Extensions.Options;
using Vigil.Ingestion;
using Vigil.Ingestion.Pipeline;
using Vigil.Ingestion.Pipeline.Steps;
using Vigil.Ingestion.Queue;
using Vigil.Retrieval.Index;

namespace Vigil.ChatAgent.Cli;

/// <summary>
/// <c>vigil reindex [--data-dir D]</c>: after a change of embedding model, empties the vector index and re-embeds every
/// ingested item from its stored chunks. Decoding (OCR, transcription) is not redone.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dataDir = DataDirOption.Create();
        var command = new Command("reindex", "Rebuild the vector index with the configured embedding model.") { dataDir };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(dataDir), output, error, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string? dataDir, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        using var host = IngestionHost.Build(dataDir);
        if (host.Services.GetRequiredService<IOptions<VectorStoreOptions>>().Value.IsEmbedded)
        {
            // The embedded index is a file of the data folder: removed before anything opens it, it starts empty.
            var index = Path.Combine(DataFolder.Of(host.Services.GetRequiredService<IConfiguration>()), "index.db");
            // A pooled connection left by earlier work in this process would keep writing to the deleted file.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { index, index + "-wal", index + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
        else if (host.Services.GetRequiredService<IVectorIndex>() is IRebuildableIndex rebuildable)
        {
            await rebuildable.ResetAsync(cancellation);
        }

        await host.Services.GetRequiredService<StepOutputs>().ForgetAsync([EmbedStep.StepName, IndexStep.StepName], cancellation);
        var queue = host.Services.GetRequiredService<JobQueue>();
        var requeued = await queue.RequeueDoneAsync(cancellation);
        await host.StartAsync(cancellation);
        await queue.WaitUntilIdleAsync(cancellation);

        await host.StopAsync(cancellation);
        var chunks = await host.Services.GetRequiredService<IVectorIndex>().CountAsync(cancellation);
        output.WriteLine($"re-embedded {requeued} items: {chunks} chunks in the index");
        return ExitCodes.Ok;
    }
}
