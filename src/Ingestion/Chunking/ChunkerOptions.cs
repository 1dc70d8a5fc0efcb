namespace Vigil.Ingestion.Chunking;

public sealed record ChunkerOptions
{
    /// <summary>all-MiniLM-L6-v2 reads 256 word-pieces including [CLS] and [SEP].</summary>
    public int MaxWordPieces { get; init; } = 254;

    /// <summary>How much of a chunk's end is repeated at the start of the next.</summary>
    public int OverlapWordPieces { get; init; } = 48;
}
