using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Ingestion.Storage;

namespace Vigil.Ingestion.Tests.Storage;

/// <summary>The conformance suite against Azurite, in a container made for this run; skipped when Azurite is absent.</summary>
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreConformance, IClassFixture<AzuriteFixture>
{
    private AzureBlobStore? store;

    protected override IBlobStore Store
    {
        get
        {
            if (azurite.Container is null)
            {
                Assert.Skip(AzuriteFixture.NotRunning);
            }

            return store ??= new AzureBlobStore(azurite.Container, NullLogger<AzureBlobStore>.Instance);
        }
    }

    [Fact]
    public async Task The_container_is_created_on_first_use_when_missing()
    {
        var blobs = Store;
        await blobs.PutAsync("created/first", "x"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.True((await azurite.Container!.ExistsAsync(TestContext.Current.CancellationToken)).Value);
    }
}
