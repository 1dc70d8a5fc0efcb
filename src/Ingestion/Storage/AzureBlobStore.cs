using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace Vigil.Ingestion.Storage;

/// <summary>
/// Blobs in one Azure Blob Storage container, created on first use. Keys are blob names as they are; the shared key
/// rules keep them ASCII, so the service's lexicographic listing is already the ordinal order the contract promises.
/// </summary>
public sealed class AzureBlobStore(BlobContainerClient container, ILogger<AzureBlobStore> logger) : IBlobStore
{
    // Once the container is known to exist, no call pays for checking again. Not cached on failure: storage that was
    // down at the first call is retried at the next.
    private volatile bool containerReady;

    public string ContainerName => container.Name;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        BlobKeyRules.Validate(key);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);

        // If-None-Match:* makes "create only" one atomic request: the service, not a check-then-write race,
        // decides that the first blob stays.
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(bytes), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // 409 BlobAlreadyExists (single-shot upload) or 412 ConditionNotMet (block commit): already there.
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeyRules.Validate(key);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await container.GetBlobClient(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeyRules.Validate(key);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var exists = await container.GetBlobClient(key).ExistsAsync(cancellationToken).ConfigureAwait(false);
        return exists.Value;
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeyRules.Validate(key);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return deleted.Value;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobKeyRules.ValidatePrefix(prefix);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        await foreach (var blob in container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            yield return blob.Name;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        var created = await container.CreateIfNotExistsAsync(PublicAccessType.None, metadata: null, cancellationToken).ConfigureAwait(false);
        if (created is not null)
        {
            // Account and container names only: the connection string holds the account key.
            logger.LogInformation("Created blob container {Container} in storage account {Account}", container.Name, container.AccountName);
        }

        containerReady = true;
    }
}
