using Microsoft.Extensions.AI;
using Vigil.Retrieval.Embeddings;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Search;

/// <summary>One real MiniLM model for all search tests: loading it costs about a second.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public async Task<IReadOnlyList<IndexedChunk>> ChunksAsync(IEnumerable<(string Id, ChunkScope Scope, string Text)> texts, CancellationToken cancellationToken)
    {
        var list = texts.ToList();
        var chunks = new List<IndexedChunk>(list.Count);
        foreach (var batch in list.Chunk(32))
        {
            var vectors = await Generator.GenerateAsync(batch.Select(t => t.Text), cancellationToken: cancellationToken);
            chunks.AddRange(batch.Zip(vectors, (t, v) => new IndexedChunk(t.Id, "item-" + t.Id, t.Scope, "test", t.Text, v.Vector)));
        }

        return chunks;
    }

    public void Dispose() => Generator.Dispose();
}
