using Microsoft.Data.Sqlite;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Index;

/// <summary>An embedded index in a fresh folder, removed afterwards.</summary>
internal sealed class TempIndex : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigil-retrieval-" + Guid.NewGuid().ToString("N"));

    public TempIndex(EmbeddingModel? model = null)
    {
        Index = new EmbeddedVectorIndex(DatabasePath, model);
    }

    public string DatabasePath => Path.Combine(folder, "index.db");

    public EmbeddedVectorIndex Index { get; }

    public IKeywordIndex Keywords => Index;

    /// <summary>A second instance over the same file, as after a restart.</summary>
    public EmbeddedVectorIndex Reopen(EmbeddingModel? model = null) => new(DatabasePath, model);

    public static IndexedChunk Chunk(string id, ChunkScope scope, string text, params float[] vector) =>
        new(id, "item-" + id, scope, "test", text, vector);

    public void Dispose()
    {
        Index.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
