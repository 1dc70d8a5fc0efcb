namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>A private folder per conversion, so concurrent voice notes never share or overwrite a file.</summary>
internal static class TemporaryFolder
{
    public static DirectoryInfo Create() => Directory.CreateTempSubdirectory("vigil-audio-");

    /// <summary>Best effort: a folder that cannot be removed now must not turn a decoded voice note into a failure.</summary>
    public static void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the OS temp cleaner; the files hold nothing but this one voice note.
        }
    }
}
