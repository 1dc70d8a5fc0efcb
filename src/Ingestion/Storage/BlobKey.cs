using System.Security.Cryptography;

namespace Vigil.Ingestion.Storage;

/// <summary>Content addresses: the same bytes always get the same key, which makes storing idempotent.</summary>
public static class BlobKey
{
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary><c>sha256/ab/abcdef…</c>: a two-character fan-out keeps folders small on disk backends.</summary>
    public static string ForHash(string contentHash) => $"sha256/{contentHash[..2]}/{contentHash}";

    public static string For(ReadOnlySpan<byte> bytes) => ForHash(ContentHash(bytes));
}
