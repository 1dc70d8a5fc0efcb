namespace Vigil.Retrieval.Index;

/// <summary>Full-text search over chunk text (BM25), under the same visibility rule as vector search.</summary>
public interface IKeywordIndex
{
    /// <summary>
    /// The <paramref name="top"/> chunks that best match the words of <paramref name="query"/> among those
    /// <paramref name="scope"/> can see, best first. The query is the user's text, not a query language: any input is safe.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchScope scope, int top, CancellationToken cancellationToken);
}
