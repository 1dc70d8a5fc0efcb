using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Vigil.Ingestion.Storage;

public static class BlobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IBlobStore"/> chosen by <c>BlobStore:Type</c> (<c>Disk</c> unless configured),
    /// with its settings validated when the host starts.
    /// </summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobStoreOptions>()
            .Configure(options => Bind(options, configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobStoreOptions>, BlobStoreOptionsValidator>());
        services.TryAddSingleton<IBlobStore>(Create);
        return services;
    }

    private static void Bind(BlobStoreOptions options, IConfiguration configuration)
    {
        configuration.GetSection(BlobStoreOptions.Section).Bind(options);
        configuration.GetSection(AzureBlobsOptions.Section).Bind(options.AzureBlobs);
        options.Root ??= Path.Combine(DataFolder.Of(configuration), "blobs");
    }

    private static IBlobStore Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BlobStoreOptions>>().Value;
        if (!options.IsAzureBlobs)
        {
            return new DiskBlobStore(options.Root!);
        }

        var container = new BlobContainerClient(options.AzureBlobs.ConnectionString, options.AzureBlobs.Container);
        return new AzureBlobStore(container, services.GetService<ILogger<AzureBlobStore>>() ?? NullLogger<AzureBlobStore>.Instance);
    }
}
