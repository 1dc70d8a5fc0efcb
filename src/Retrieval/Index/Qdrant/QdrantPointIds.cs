using System.Security.Cryptography;
using System.Text;

namespace Vigil.Retrieval.Index.Qdrant;

/// <summary>
/// Qdrant ids are integers or UUIDs, chunk ids are strings: the point id is a UUID made from the SHA-256 of the chunk
/// id, so writing a chunk again overwrites its point instead of adding one.
/// </summary>
public static class QdrantPointIds
{
    public static Guid For(string chunkId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(chunkId), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) and the RFC variant, so the value reads as a well-formed UUID anywhere.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
