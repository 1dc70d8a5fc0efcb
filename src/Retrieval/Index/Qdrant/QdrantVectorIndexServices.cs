using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vigil.Retrieval.Index.Qdrant;

public static class QdrantVectorIndexServices
{
    /// <summary>
    /// Registers the Qdrant backend under the key <c>Qdrant</c>, from the validated <c>Qdrant</c> section; it is the
    /// <see cref="IVectorIndex"/> when <c>VectorStore:Type</c> is <c>Qdrant</c>.
    /// </summary>
    public static IServiceCollection AddQdrantVectorIndex(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton<IVectorIndex>(VectorStoreOptions.QdrantType, (provider, _) =>
            new QdrantVectorIndex(
                provider.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Qdrant,
                logger: provider.GetService<ILogger<QdrantVectorIndex>>()));
        return services;
    }
}
