namespace Vigil.Ingestion.Storage;

/// <summary>The <c>AzureBlobs</c> configuration section.</summary>
public sealed class AzureBlobsOptions
{
    public const string Section = "AzureBlobs";

    /// <summary><c>AzureBlobs:ConnectionString</c>: a secret (it carries the account key); never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>AzureBlobs:Container</c>: created on first use when missing.</summary>
    public string Container { get; set; } = "vigil";

    // The connection string must never reach a log through a debugger display or a structured-logging dump.
    public override string ToString() => $"AzureBlobs(Container={Container})";
}
