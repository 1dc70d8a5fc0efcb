using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Vigil.Ingestion.Storage;

/// <summary>Checks the blob store settings at start, each failure naming the configuration key to fix.</summary>
public sealed partial class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options)
    {
        if (options.IsDisk)
        {
            return RootIsWritable(options.Root)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"BlobStore:Root ('{options.Root}'; by default the blobs folder under Vigil:DataDir) must name a folder Vigil can create and write to.");
        }

        if (!options.IsAzureBlobs)
        {
            return ValidateOptionsResult.Fail($"BlobStore:Type must be {BlobStoreOptions.DiskType} or {BlobStoreOptions.AzureBlobsType} (got '{options.Type}').");
        }

        var failures = new List<string>();
        var azure = options.AzureBlobs;
        if (string.IsNullOrWhiteSpace(azure.ConnectionString))
        {
            failures.Add("AzureBlobs:ConnectionString is required when BlobStore:Type is AzureBlobs.");
        }
        else if (!IsConnectionString(azure.ConnectionString))
        {
            // The value is a secret: the message says what is wrong, never what was given.
            failures.Add("AzureBlobs:ConnectionString is not a valid Azure Storage connection string (expected DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...;... or a SAS connection string).");
        }

        if (!ContainerName().IsMatch(azure.Container ?? ""))
        {
            failures.Add($"AzureBlobs:Container must be 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit (got '{azure.Container}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Parsing happens in the client's constructor without any request, so this checks the form, not the account.
    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            return false;
        }
    }

    private static bool RootIsWritable(string? root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            return false;
        }

        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    // Azure's container naming rules.
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$")]
    private static partial Regex ContainerName();
}
