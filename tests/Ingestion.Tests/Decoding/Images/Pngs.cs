using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ImageMagick;

namespace Vigil.Ingestion.Tests.Decoding.Images;

/// <summary>PNG files made byte by byte for the hostile-input tests, and plain ones made with ImageMagick.</summary>
internal static class Pngs
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// A valid PNG header claiming <paramref name="width"/>×<paramref name="height"/> 8-bit gray pixels, followed by
    /// one compressed row: a few hundred bytes that would ask a naive decoder for width×height bytes.
    /// </summary>
    public static byte[] ClaimingSize(uint width, uint height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (gray), deflate, no filter, no interlace

        var row = new MemoryStream();
        using (var zlib = new ZLibStream(row, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[width + 1]);
        }

        return [.. Signature, .. Chunk("IHDR", header), .. Chunk("IDAT", row.ToArray()), .. Chunk("IEND", [])];
    }

    public static byte[] Solid(int width, int height, string color)
    {
        using var image = new MagickImage(new MagickColor(color), (uint)width, (uint)height);
        return image.ToByteArray(MagickFormat.Png);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    // The CRC-32 of PNG chunks (ISO 3309), bit by bit: slow, but these chunks are tiny.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
