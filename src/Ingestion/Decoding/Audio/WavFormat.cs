using System.Buffers.Binary;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>The format and length of a PCM WAV file, read from its RIFF chunks.</summary>
public sealed record WavFormat(int SampleRate, int Channels, int BitsPerSample, long DataBytes)
{
    public TimeSpan Duration => SampleRate * Channels * BitsPerSample == 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(DataBytes / (double)(SampleRate * Channels * (BitsPerSample / 8)));

    /// <exception cref="InvalidDataException">The file is not a RIFF/WAVE file with a fmt and a data chunk.</exception>
    public static WavFormat Read(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[12];
        file.ReadExactly(header);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        (int Rate, int Channels, int Bits)? format = null;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[16];
        while (file.Read(chunk) == chunk.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8) && size >= 16)
            {
                file.ReadExactly(fmt);
                format = (BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]), BinaryPrimitives.ReadInt16LittleEndian(fmt[2..]), BinaryPrimitives.ReadInt16LittleEndian(fmt[14..]));
                file.Seek(size - 16 + (size & 1), SeekOrigin.Current);
            }
            else if (chunk[..4].SequenceEqual("data"u8) && format is { } f)
            {
                return new WavFormat(f.Rate, f.Channels, f.Bits, size);
            }
            else
            {
                // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
                file.Seek(size + (size & 1), SeekOrigin.Current);
            }
        }

        throw new InvalidDataException($"{path} has no fmt and data chunks");
    }
}
