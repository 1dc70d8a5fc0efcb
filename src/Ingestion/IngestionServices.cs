using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Ingestion.Chunking;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Pipeline;
using Vigil.Ingestion.Pipeline.Steps;
using Vigil.Ingestion.Queue;
using Vigil.Ingestion.Sources;
using Vigil.Ingestion.Storage;
using Vigil.Retrieval;
using Vigil.Retrieval.Embeddings;

namespace Vigil.Ingestion;

public static class IngestionServices
{
    /// <summary>
    /// The pipeline, its durable queue under <c>Vigil:DataDir</c>, the decoders, and the blob store chosen by
    /// <c>BlobStore:Type</c>. Workers are added separately (<see cref="AddIngestionWorkers"/>) so a command-line run
    /// can drive the same pipeline itself.
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDir = DataFolder.Of(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Steps.Length > 0, "Ingestion:Steps must name at least one step.")
            .ValidateOnStart();
        services.TryAddSingleton(configuration.GetSection(DecodeLimits.Section).Get<DecodeLimits>() ?? new DecodeLimits());
        services.TryAddSingleton(new ChunkerOptions());
        services.TryAddSingleton(_ => new IngestionDatabase(Path.Combine(dataDir, "ingestion.db")));
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<IngestionInbox>();
        services.TryAddSingleton<StepOutputs>();
        services.TryAddSingleton<DesignRecords>();
        services.TryAddSingleton<ModelVersions>();
        services.TryAddSingleton<ModelHistory>();
        services.AddContentDecoders(configuration, dataDir);
        services.TryAddSingleton(sp => new ContentDecoders(sp.GetServices<IContentDecoder>(), sp.GetRequiredService<DecodeLimits>()));
        services.TryAddSingleton(sp => new Chunker(WordPieces.Count, sp.GetRequiredService<ChunkerOptions>()));
        services.AddBlobStore(configuration);
        services.AddRetrieval(dataDir);
        services.AddSingleton<IPipelineStep, StoreStep>();
        services.AddSingleton<IPipelineStep, DecodeStep>();
        services.AddSingleton<IPipelineStep, ChunkStep>();
        services.AddSingleton<IPipelineStep, EmbedStep>();
        services.AddSingleton<IPipelineStep, IndexStep>();
        services.AddSingleton<IPipelineStep, ModelStep>();
        services.TryAddSingleton<IngestionPipeline>();
        services.TryAddSingleton<IngestionWorker>();
        services.TryAddSingleton<ThreadModeler>();
        services.TryAddSingleton<WaitingItemsResumer>();
        return services;
    }

    /// <summary>Runs the queue and the modeler in the background of the host.</summary>
    public static IServiceCollection AddIngestionWorkers(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<IngestionWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ThreadModeler>());
        services.AddHostedService<WatchedFolders>();
        services.AddHostedService(sp => sp.GetRequiredService<WaitingItemsResumer>());
        return services;
    }
}
