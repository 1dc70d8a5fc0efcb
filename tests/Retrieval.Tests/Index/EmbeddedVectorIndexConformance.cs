using Microsoft.Data.Sqlite;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Index;

/// <summary>The conformance suite on the default SQLite index, in a temporary folder per test.</summary>
public sealed class EmbeddedVectorIndexConformance : VectorIndexConformance
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigil-index-" + Guid.NewGuid().ToString("N"));

    protected override Task<IVectorIndex> CreateIndexAsync() =>
        Task.FromResult<IVectorIndex>(new EmbeddedVectorIndex(Path.Combine(folder, "index.db")));

    protected override Task DeleteIndexAsync(IVectorIndex index)
    {
        (index as IDisposable)?.Dispose();
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }
}
