namespace Vigil.Retrieval.Index;

/// <summary>An index that can be emptied, model record included, so <c>vigil reindex</c> can rebuild it with another embedding model.</summary>
public interface IRebuildableIndex
{
    /// <summary>Forgets every chunk and the model the vectors came from. Not for a running host: the CLI calls it before re-embedding.</summary>
    Task ResetAsync(CancellationToken cancellationToken);
}
