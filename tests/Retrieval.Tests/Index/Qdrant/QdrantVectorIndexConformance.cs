using Qdrant.Client;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Index.Qdrant;

namespace Vigil.Retrieval.Tests.Index.Qdrant;

/// <summary>
/// The conformance suite on a real Qdrant server named by <c>QDRANT_URL</c> (e.g. http://localhost:6334, with
/// <c>QDRANT_API_KEY</c> if the server wants one); each test uses its own collection and deletes it afterwards.
/// </summary>
public sealed class QdrantVectorIndexConformance : VectorIndexConformance
{
    public const string NotConfigured = "QDRANT_URL is not set: no Qdrant server can run on this machine (infra/docker-compose.yml runs one)";

    private readonly string collection = "vigil-test-" + Guid.NewGuid().ToString("N");

    private static QdrantOptions? Options(string collection) =>
        Environment.GetEnvironmentVariable("QDRANT_URL") is { Length: > 0 } url
            ? new QdrantOptions { Url = url, ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"), Collection = collection, Timeout = TimeSpan.FromSeconds(20) }
            : null;

    protected override Task<IVectorIndex> CreateIndexAsync()
    {
        var options = Options(collection);
        if (options is null)
        {
            Assert.Skip(NotConfigured);
        }

        return Task.FromResult<IVectorIndex>(new QdrantVectorIndex(options));
    }

    protected override async Task DeleteIndexAsync(IVectorIndex index)
    {
        ((IDisposable)index).Dispose();
        var options = Options(collection)!;
        using var client = new QdrantClient(new Uri(options.Url!), options.ApiKey, options.Timeout);
        if (await client.CollectionExistsAsync(collection))
        {
            await client.DeleteCollectionAsync(collection);
        }
    }
}
