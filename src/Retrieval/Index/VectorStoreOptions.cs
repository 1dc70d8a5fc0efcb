using Vigil.Retrieval.Index.Qdrant;

namespace Vigil.Retrieval.Index;

/// <summary>The <c>VectorStore</c> configuration section: which backend keeps the chunks and their vectors.</summary>
public sealed class VectorStoreOptions
{
    public const string Section = "VectorStore";

    public const string EmbeddedType = "Embedded";

    public const string QdrantType = "Qdrant";

    /// <summary><c>VectorStore:Type</c>: <c>Embedded</c> (default, SQLite under <c>Vigil:DataDir</c>) or <c>Qdrant</c>.</summary>
    public string Type { get; set; } = EmbeddedType;

    /// <summary>The <c>Qdrant</c> section, read when <see cref="Type"/> is <c>Qdrant</c>.</summary>
    public QdrantOptions Qdrant { get; set; } = new();

    public bool IsEmbedded => string.Equals(Type, EmbeddedType, StringComparison.OrdinalIgnoreCase);

    public bool IsQdrant => string.Equals(Type, QdrantType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The service key of the chosen backend, spelled as registered whatever the case in configuration.</summary>
    public string Backend => IsQdrant ? QdrantType : EmbeddedType;
}
