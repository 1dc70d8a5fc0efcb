using System.Security.Cryptography;
using System.Text;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// A UUID that is always the same for the same name, so re-exporting a model gives the same cell and threat ids.
/// RFC 9562 version 8 (custom): the first 128 bits of SHA-256 with the version and variant bits set.
/// </summary>
internal static class DeterministicUuid
{
    public static string From(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
