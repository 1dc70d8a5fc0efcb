namespace Vigil.Retrieval.Index;

/// <summary>
/// An index that remembers which embedding model its vectors came from, so the host can refuse to start on an index
/// built with another model instead of returning meaningless neighbours.
/// </summary>
public interface IModelBoundIndex
{
    /// <summary>Throws <see cref="IndexModelMismatchException"/> when the stored vectors were made by another model or dimension; an empty index is compatible with any.</summary>
    Task EnsureCompatibleAsync(EmbeddingModel model, CancellationToken cancellationToken);
}
