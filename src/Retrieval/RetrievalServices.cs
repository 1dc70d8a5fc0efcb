using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Retrieval.Embeddings;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval;

public static class RetrievalServices
{
    /// <summary>The embedded defaults: local MiniLM embeddings and the SQLite vector index under the data folder.</summary>
    public static IServiceCollection AddRetrieval(this IServiceCollection services, string dataDir)
    {
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new MiniLmEmbeddingGenerator());
        services.TryAddSingleton<IVectorIndex>(_ => new EmbeddedVectorIndex(Path.Combine(dataDir, "index.db")));
        return services;
    }
}
