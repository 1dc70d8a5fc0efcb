using System.Runtime.InteropServices;
using Vigil.Ingestion.Chunking;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Queue;
using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Pipeline.Steps;

/// <summary>
/// Writes the chunks with their vectors and scope; chunk ids are the item id and position, so a re-run overwrites.
/// Chunks of earlier versions of the same source (an edited message, a re-saved spec) are removed, so search never
/// answers from text the team has since changed.
/// </summary>
public sealed class IndexStep(IVectorIndex index, JobQueue queue) : IPipelineStep
{
    public const string StepName = "index";

    public string Name => StepName;

    public async Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        var chunks = await context.JsonOutputOfAsync<List<Chunk>>(ChunkStep.StepName, cancellationToken);
        var vectors = MemoryMarshal.Cast<byte, float>(await context.OutputOfAsync(EmbedStep.StepName, cancellationToken)).ToArray();
        var versions = await queue.OtherVersionsAsync(item, cancellationToken);
        if (versions.Any(v => v.Seq > item.Seq))
        {
            // A newer version already arrived; an old one finishing late (a retry) must not come back.
            return StepOutcome.Done;
        }

        foreach (var older in versions)
        {
            await index.DeleteItemAsync(older.Id, cancellationToken);
        }

        if (chunks.Count == 0)
        {
            return StepOutcome.Done;
        }

        var dimensions = vectors.Length / chunks.Count;
        var records = chunks.Select(c => new IndexedChunk(
            $"{item.Id}:{c.Ordinal}",
            item.Id,
            item.Scope,
            SourceLabel.Of(c.Origin),
            c.Text,
            vectors.AsMemory(c.Ordinal * dimensions, dimensions))).ToList();
        await index.UpsertAsync(records, cancellationToken);
        return StepOutcome.Done;
    }
}
