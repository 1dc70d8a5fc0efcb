namespace Vigil.Ingestion.Storage;

/// <summary>
/// Where the raw bytes of every ingested item are kept, so nothing accepted is lost and any item can be decoded
/// again. Keys are content addresses (<see cref="BlobKey"/>), so writing the same bytes twice is harmless.
/// Backends: <c>Disk</c> (default) and <c>AzureBlobs</c>, chosen by <c>BlobStore:Type</c>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes under the key; an existing blob with that key is left as it is. Atomic: a reader never sees a partial blob.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>The blob's bytes, or null when no blob has that key.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the blob; true when it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keys that start with the prefix, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}
