namespace Vigil.Retrieval.Index;

/// <summary>Keyword search off: the configured vector backend keeps no text index, so hybrid search is vector search alone.</summary>
public sealed class NoKeywordIndex : IKeywordIndex
{
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchScope scope, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SearchHit>>([]);
}
