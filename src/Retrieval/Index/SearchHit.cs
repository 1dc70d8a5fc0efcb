namespace Vigil.Retrieval.Index;

/// <param name="Score">Higher is closer: cosine similarity for vector search, the fused rank score for hybrid search.</param>
public sealed record SearchHit(IndexedChunk Chunk, double Score);
