using Vigil.Ingestion.Decoding;

namespace Vigil.Ingestion.Chunking;

/// <summary>A passage small enough for the embedding model to read whole, with where it came from.</summary>
/// <param name="Ordinal">Position within its item; with the item's content hash it makes the chunk's stable id.</param>
/// <param name="WordPieces">Length in the embedding model's word-pieces, special tokens excluded.</param>
public sealed record Chunk(int Ordinal, string Text, int WordPieces, SegmentOrigin Origin);
