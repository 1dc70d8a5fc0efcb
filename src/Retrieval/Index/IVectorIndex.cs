namespace Vigil.Retrieval.Index;

/// <summary>
/// Chunks and their embeddings. Writes are upserts keyed by chunk id, so an item processed twice (at-least-once
/// delivery after a crash) still appears once. Backends: <c>Embedded</c> (SQLite, default) and <c>Qdrant</c>.
/// </summary>
public interface IVectorIndex
{
    Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>How many chunks each item has in the index.</summary>
    Task<IReadOnlyDictionary<string, int>> ChunksPerItemAsync(CancellationToken cancellationToken);

    Task DeleteItemAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> chunks closest to the query vector among those <paramref name="scope"/> can see, best first.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(ReadOnlyMemory<float> query, SearchScope scope, int top, CancellationToken cancellationToken);
}
