using System.Text;

namespace Vigil.Ingestion.Decoding.Text;

/// <summary>Decodes UTF-8 and refuses invalid bytes with the offset of the first one, so the user can find it.</summary>
public static class StrictUtf8
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new UnreadableContentException($"not valid UTF-8 text: invalid byte 0x{bytes[read]:X2} at offset {read}");
        }

        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
