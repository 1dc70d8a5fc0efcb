using System.IO.Compression;
using System.Text;
using Vigil.ThreatModel.Extraction.OpenApi;

namespace Vigil.Ingestion.Content;

/// <summary>
/// Decides what a file is from its bytes — magic numbers for binary formats, structure for text — never from its
/// name, which users and platforms get wrong ("diagram.png" that is a JPEG, a spec saved as ".txt"). The name only
/// tells Markdown from plain text, which decode the same way.
/// </summary>
public static class ContentSniffer
{
    private const int TextProbeBytes = 8192;

    public static ContentType Sniff(ReadOnlySpan<byte> bytes, string? fileName = null)
    {
        if (bytes.IsEmpty)
        {
            return ContentType.Empty;
        }

        return SniffBinary(bytes) ?? SniffText(bytes, fileName);
    }

    private static ContentType? SniffBinary(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ContentType.Png;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ContentType.Jpeg;
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return ContentType.Gif;
        if (b.StartsWith("BM"u8) && b.Length > 14) return ContentType.Bmp;
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return ContentType.Tiff;
        if (b.StartsWith("RIFF"u8) && b.Length >= 12)
        {
            if (b[8..12].SequenceEqual("WEBP"u8)) return ContentType.Webp;
            if (b[8..12].SequenceEqual("WAVE"u8)) return ContentType.Wav;
        }

        if (b.StartsWith("OggS"u8)) return ContentType.Ogg;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return ContentType.Webm;
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) return ContentType.Mp4;
        if (b.StartsWith("fLaC"u8)) return ContentType.Flac;
        if (b.StartsWith("ID3"u8) || IsMpegAudioFrame(b)) return ContentType.Mp3;
        if (b[..Math.Min(b.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return ContentType.Pdf;
        if (b.StartsWith("PK\x03\x04"u8)) return IsWordDocument(b) ? ContentType.Docx : ContentType.Zip;
        return null;
    }

    // MPEG audio frames (MP3) and ADTS (AAC) start with an 11/12-bit sync word; text never starts with 0xFF.
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> b) => b.Length >= 4 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0;

    // Lists the zip's central directory only; no entry is decompressed here. A truncated file has no directory, but
    // its first local headers still name Word's parts: it is a damaged DOCX, and the DOCX decoder says so.
    private static bool IsWordDocument(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return bytes[..Math.Min(bytes.Length, 4096)].IndexOf("word/"u8) >= 0;
        }
    }

    private static ContentType SniffText(ReadOnlySpan<byte> bytes, string? fileName)
    {
        var probe = bytes[..Math.Min(bytes.Length, TextProbeBytes)];
        if (probe.IndexOf((byte)0) >= 0 || ControlCharacterShare(probe) > 0.05)
        {
            return ContentType.Binary;
        }

        // Invalid UTF-8 still sniffs as text: the text decoder then names the offending byte, which is more useful
        // to the user than "unknown binary".
        var text = Encoding.UTF8.GetString(bytes);
        var body = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (OpenApiSniffer.IsClearlyOpenApi(text))
        {
            return ContentType.OpenApi;
        }

        if (!body.IsEmpty && body[0] is '{' or '[')
        {
            return ContentType.Json;
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return extension switch
        {
            ".md" or ".markdown" => ContentType.Markdown,
            ".yaml" or ".yml" => ContentType.Yaml,
            _ => ContentType.PlainText,
        };
    }

    private static double ControlCharacterShare(ReadOnlySpan<byte> probe)
    {
        var controls = 0;
        foreach (var b in probe)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                controls++;
            }
        }

        return (double)controls / probe.Length;
    }
}
