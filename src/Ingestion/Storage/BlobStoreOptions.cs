namespace Vigil.Ingestion.Storage;

/// <summary>The <c>BlobStore</c> configuration section: which backend keeps the raw bytes.</summary>
public sealed class BlobStoreOptions
{
    public const string Section = "BlobStore";

    public const string DiskType = "Disk";

    public const string AzureBlobsType = "AzureBlobs";

    /// <summary><c>BlobStore:Type</c>: <c>Disk</c> (default) or <c>AzureBlobs</c>.</summary>
    public string Type { get; set; } = DiskType;

    /// <summary><c>BlobStore:Root</c>: the Disk store's folder; <c>&lt;Vigil:DataDir&gt;/blobs</c> when not set.</summary>
    public string? Root { get; set; }

    /// <summary>The <c>AzureBlobs</c> section, read when <see cref="Type"/> is <c>AzureBlobs</c>.</summary>
    public AzureBlobsOptions AzureBlobs { get; set; } = new();

    public bool IsAzureBlobs => string.Equals(Type, AzureBlobsType, StringComparison.OrdinalIgnoreCase);

    public bool IsDisk => string.Equals(Type, DiskType, StringComparison.OrdinalIgnoreCase);
}
