using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Search;

/// <summary>
/// Reciprocal rank fusion (Cormack et al. 2009): a chunk scores the sum of 1 / (k + rank) over the lists it appears in.
/// Only ranks count, so cosine similarities and BM25 scores, which live on unrelated scales, need no calibration.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The constant from the paper; it damps the advantage of the very first ranks.</summary>
    public const int K = 60;

    public static IReadOnlyList<SearchHit> Fuse(int top, params IReadOnlyList<SearchHit>[] rankings)
    {
        var fused = new Dictionary<string, (IndexedChunk Chunk, double Score, int BestRank)>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var chunk = ranking[i].Chunk;
                var rank = i + 1;
                fused[chunk.Id] = fused.TryGetValue(chunk.Id, out var seen)
                    ? (seen.Chunk, seen.Score + (1.0 / (K + rank)), Math.Min(seen.BestRank, rank))
                    : (chunk, 1.0 / (K + rank), rank);
            }
        }

        return fused.Values
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.BestRank)
            .ThenBy(f => f.Chunk.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(f => new SearchHit(f.Chunk, f.Score))
            .ToList();
    }
}
