using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Retrieval.Embeddings;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Index.Qdrant;
using Vigil.Retrieval.Search;

namespace Vigil.Retrieval;

public static class RetrievalServices
{
    /// <summary>
    /// Embeddings (<c>Embeddings:Provider</c>: local MiniLM by default, or an OpenAI-compatible endpoint) and the vector index chosen by <c>VectorStore:Type</c>: <c>Embedded</c> (default, SQLite
    /// under the data folder) or <c>Qdrant</c> (<c>Qdrant:Url</c>, optional <c>Qdrant:ApiKey</c>, <c>Qdrant:Collection</c>).
    /// Settings come from the host's <see cref="IConfiguration"/> and are validated when it starts.
    /// </summary>
    public static IServiceCollection AddRetrieval(this IServiceCollection services, string dataDir)
    {
        services.TryAddSingleton(provider => provider.GetService<IConfiguration>()?.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new EmbeddingOptions());
        services.TryAddSingleton(provider => EmbeddingGenerators.Create(provider.GetRequiredService<EmbeddingOptions>()));
        services.AddOptions<VectorStoreOptions>()
            // The configuration is read from the container so existing callers need not pass it; without one, defaults apply.
            .Configure<IServiceProvider>((options, provider) => Bind(options, provider.GetService<IConfiguration>()))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VectorStoreOptions>, VectorStoreOptionsValidator>());
        services.AddEmbeddedVectorIndex(Path.Combine(dataDir, "index.db"));
        services.AddQdrantVectorIndex();
        services.TryAddSingleton<IVectorIndex>(provider =>
            provider.GetRequiredKeyedService<IVectorIndex>(provider.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Backend));
        services.TryAddSingleton(KeywordIndex);
        services.TryAddSingleton<HybridSearch>();
        return services;
    }

    /// <summary>
    /// For the host and CLI at start: throws <see cref="IndexModelMismatchException"/> (its message names both models and
    /// `vigil reindex`) when the stored index was built with another embedding model than the configured one.
    /// </summary>
    public static async Task EnsureIndexCompatibleAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IVectorIndex>() is IModelBoundIndex index
            && EmbeddingModel.Of(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()) is { } model)
        {
            await index.EnsureCompatibleAsync(model, cancellationToken);
        }
    }

    /// <summary>Registers the default backend under the key <c>Embedded</c>: SQLite at <paramref name="databasePath"/>.</summary>
    public static IServiceCollection AddEmbeddedVectorIndex(this IServiceCollection services, string databasePath)
    {
        services.TryAddKeyedSingleton<IVectorIndex>(VectorStoreOptions.EmbeddedType, (provider, _) => new EmbeddedVectorIndex(
            databasePath,
            // The index records the model its vectors come from and refuses to open with another one.
            EmbeddingModel.Of(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>())));
        return services;
    }

    // The embedded index keeps an FTS5 text index beside its vectors; Qdrant here keeps none, so keyword search is off.
    private static IKeywordIndex KeywordIndex(IServiceProvider provider)
    {
        if (provider.GetRequiredService<IOptions<VectorStoreOptions>>().Value.IsQdrant
            || provider.GetRequiredKeyedService<IVectorIndex>(VectorStoreOptions.EmbeddedType) is not IKeywordIndex keywords)
        {
            provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(RetrievalServices)).LogInformation(
                "Keyword search is off: VectorStore:Type {Type} keeps no text index, so hybrid search uses vector search alone",
                provider.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Backend);
            return new NoKeywordIndex();
        }

        return keywords;
    }

    private static void Bind(VectorStoreOptions options, IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return;
        }

        configuration.GetSection(VectorStoreOptions.Section).Bind(options);
        configuration.GetSection(QdrantOptions.Section).Bind(options.Qdrant);
    }
}
