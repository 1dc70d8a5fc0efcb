using Microsoft.Extensions.AI;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Search;

/// <summary>
/// What the assistant retrieves for a question: the nearest chunks by meaning (vector index) and by words (keyword
/// index), both asked with the same scope, fused by reciprocal rank. Meaning finds paraphrases; words find exact
/// identifiers such as <c>orders.v1</c> or <c>CVE-2024-1234</c> that an embedding blurs.
/// </summary>
public sealed class HybridSearch(IEmbeddingGenerator<string, Embedding<float>> embeddings, IVectorIndex vectors, IKeywordIndex keywords)
{
    /// <summary>Each list is asked for this many candidates per hit wanted, so a chunk ranked well by only one can still surface.</summary>
    public const int CandidatesPerHit = 4;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string question, SearchScope scope, int top, CancellationToken cancellationToken)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(question))
        {
            return [];
        }

        var candidates = Math.Max(top * CandidatesPerHit, 20);
        var vector = await embeddings.GenerateVectorAsync(question, cancellationToken: cancellationToken);
        var byMeaning = await vectors.SearchAsync(vector, scope, candidates, cancellationToken);
        var byWords = await keywords.SearchAsync(question, scope, candidates, cancellationToken);
        return ReciprocalRankFusion.Fuse(top, byMeaning, byWords);
    }
}
