using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using Vigil.Ingestion.Chunking;

namespace Vigil.Ingestion.Pipeline.Steps;

/// <summary>Embeds an item's chunks in batches; the vectors are kept as one float array in chunk order.</summary>
public sealed class EmbedStep(IEmbeddingGenerator<string, Embedding<float>> embedder) : IPipelineStep
{
    public const string StepName = "embed";
    private const int BatchSize = 32;

    public string Name => StepName;

    public async Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var chunks = await context.JsonOutputOfAsync<List<Chunk>>(ChunkStep.StepName, cancellationToken);
        var vectors = new List<float>();
        foreach (var batch in chunks.Chunk(BatchSize))
        {
            var embeddings = await embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            foreach (var embedding in embeddings)
            {
                vectors.AddRange(embedding.Vector.Span);
            }
        }

        return new StepOutcome.Success(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(vectors)).ToArray());
    }
}
