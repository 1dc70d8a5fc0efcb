using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Ingestion.Storage;

namespace Vigil.Ingestion.Tests.Storage;

public sealed class BlobStoreRegistrationTests : IDisposable
{
    private const string SecretConnectionString = "DefaultEndpointsProtocol=https;AccountName=vigilprod;AccountKey=c2VjcmV0LWtleS1kby1ub3QtbG9n;EndpointSuffix=core.windows.net";

    private readonly string dataDir = Directory.CreateTempSubdirectory("vigil-data-").FullName;

    [Fact]
    public void Without_configuration_the_disk_store_lives_in_the_data_dir_blobs_folder()
    {
        using var services = Build(("Vigil:DataDir", dataDir));

        var store = Assert.IsType<DiskBlobStore>(services.GetRequiredService<IBlobStore>());

        Assert.Equal(Path.Combine(dataDir, "blobs"), store.Root);
    }

    [Fact]
    public void BlobStore_Root_moves_the_disk_store()
    {
        var root = Path.Combine(dataDir, "elsewhere");
        using var services = Build(("Vigil:DataDir", dataDir), ("BlobStore:Root", root));

        Assert.Equal(root, Assert.IsType<DiskBlobStore>(services.GetRequiredService<IBlobStore>()).Root);
    }

    [Fact]
    public void AzureBlobs_is_chosen_by_BlobStore_Type_with_the_vigil_container_by_default()
    {
        using var services = Build(("BlobStore:Type", "AzureBlobs"), ("AzureBlobs:ConnectionString", SecretConnectionString));

        var store = Assert.IsType<AzureBlobStore>(services.GetRequiredService<IBlobStore>());

        Assert.Equal("vigil", store.ContainerName);
    }

    [Fact]
    public void AzureBlobs_without_a_connection_string_fails_at_start_naming_the_key()
    {
        using var services = Build(("BlobStore:Type", "AzureBlobs"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AzureBlobs:ConnectionString is required when BlobStore:Type is AzureBlobs.", error.Failures);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_without_repeating_it()
    {
        const string malformed = "AccountName=vigilprod;AccountKey=not-base64-secret-value";
        using var services = Build(("BlobStore:Type", "AzureBlobs"), ("AzureBlobs:ConnectionString", malformed));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("AzureBlobs:ConnectionString is not a valid Azure Storage connection string", Assert.Single(error.Failures));
        Assert.DoesNotContain("not-base64-secret-value", error.Message);
    }

    [Fact]
    public void A_bad_container_name_and_an_unknown_type_name_their_keys()
    {
        using var badContainer = Build(("BlobStore:Type", "AzureBlobs"), ("AzureBlobs:ConnectionString", SecretConnectionString), ("AzureBlobs:Container", "Vigil_Blobs"));
        using var unknownType = Build(("BlobStore:Type", "S3"));

        var container = Assert.Throws<OptionsValidationException>(() => badContainer.GetRequiredService<IStartupValidator>().Validate());
        var type = Assert.Throws<OptionsValidationException>(() => unknownType.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("AzureBlobs:Container must be", Assert.Single(container.Failures));
        Assert.DoesNotContain(SecretConnectionString, container.Message);
        Assert.Equal("BlobStore:Type must be Disk or AzureBlobs (got 'S3').", Assert.Single(type.Failures));
    }

    [Fact]
    public void The_options_never_print_the_connection_string()
    {
        var options = new AzureBlobsOptions { ConnectionString = SecretConnectionString };

        Assert.DoesNotContain("AccountKey", options.ToString());
    }

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddBlobStore(configuration).BuildServiceProvider();
    }
}
