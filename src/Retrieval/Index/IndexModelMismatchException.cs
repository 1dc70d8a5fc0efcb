namespace Vigil.Retrieval.Index;

/// <summary>The stored index was built with another embedding model or dimension than the one configured now.</summary>
public sealed class IndexModelMismatchException(string message) : InvalidOperationException(message)
{
    public const string Remedy = "Run `vigil reindex` to rebuild the index with the current model.";

    public static IndexModelMismatchException Between(string location, string stored, EmbeddingModel current) =>
        new($"The index at {location} was built with the embedding model {stored}, but Vigil is now configured with "
            + $"{current}. Vectors of different models cannot be compared. {Remedy}");
}
