using System.Text;

namespace Vigil.Ingestion.Sources;

/// <summary>Reads a file as UTF-8 text, refusing what is too large or is not text at all.</summary>
public static class TextFile
{
    /// <summary>Design inputs are threads, docs and specs; anything larger is almost surely a dump or a mistake.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new InputException($"file is {length / (1024 * 1024)} MB, larger than the {MaxBytes / (1024 * 1024)} MB limit for one input");
        }

        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new InputException("binary file (contains NUL bytes), not a text, thread or OpenAPI file");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new InputException("not UTF-8 text (binary or another encoding)");
        }
    }
}
