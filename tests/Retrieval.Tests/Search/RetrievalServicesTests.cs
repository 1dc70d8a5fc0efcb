using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Search;
using static Vigil.Retrieval.Tests.Index.Scopes;

namespace Vigil.Retrieval.Tests.Search;

public sealed class RetrievalServicesTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "vigil-services-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task AddRetrieval_wires_hybrid_search_over_the_embedded_index_and_checks_the_model_at_start()
    {
        await using (var services = new ServiceCollection().AddRetrieval(dataDir).BuildServiceProvider())
        {
            await services.EnsureIndexCompatibleAsync(Cancel);
            var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var vector = await generator.GenerateVectorAsync("the orders.v1 consumer commits offsets", cancellationToken: Cancel);
            await services.GetRequiredService<IVectorIndex>().UpsertAsync(
                [new IndexedChunk("c1", "i1", General, "test", "the orders.v1 consumer commits offsets", vector)], Cancel);

            var hits = await services.GetRequiredService<HybridSearch>().SearchAsync("who consumes orders.v1?", AskedInGeneral, 5, Cancel);

            Assert.Equal("c1", Assert.Single(hits).Chunk.Id);
        }

        // The same data folder with another model configured: refused at start with the remedy.
        await using var changed = new ServiceCollection()
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new OtherModel())
            .AddRetrieval(dataDir)
            .BuildServiceProvider();
        var error = await Assert.ThrowsAsync<IndexModelMismatchException>(() => changed.EnsureIndexCompatibleAsync(Cancel));
        Assert.Contains("'all-MiniLM-L6-v2' (384 dimensions)", error.Message);
        Assert.Contains("'text-embedding-3-small' (1536 dimensions)", error.Message);
        Assert.Contains("vigil reindex", error.Message);
    }

    // Only its metadata is read: the check happens before anything is embedded.
    private sealed class OtherModel : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly EmbeddingGeneratorMetadata metadata = new("openai", defaultModelId: "text-embedding-3-small", defaultModelDimensions: 1536);

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not used by the start check");

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata : null;

        public void Dispose()
        {
        }
    }
}
