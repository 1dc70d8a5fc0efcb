using System.Diagnostics;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

/// <summary>The corpus voice notes, and audio made on the spot with the real ffmpeg for cases the corpus lacks.</summary>
internal static class AudioFiles
{
    public static string VoiceNote(string corpusCase) => Path.Combine(RepositoryPaths.Corpus, corpusCase, "voice-note.ogg");

    /// <summary>The espeak-ng source of the voice note, already 16 kHz mono: its length is the reference.</summary>
    public static string SourceWav(string corpusCase) => Path.Combine(RepositoryPaths.Corpus, corpusCase, "voice-note.wav");

    public static string TranscriptText(string corpusCase) => Path.Combine(RepositoryPaths.Corpus, corpusCase, "voice-note.txt");

    /// <summary>Runs ffmpeg with the given arguments to write <paramref name="fileName"/> in a fresh temp folder.</summary>
    public static async Task<byte[]> MakeAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("vigil-audio-test-");
        try
        {
            var output = Path.Combine(folder.FullName, fileName);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["-nostdin", "-v", "error", "-y", .. arguments, output])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, $"ffmpeg could not make {fileName}: {stderr}");
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The converter's private folders now in the temp directory (tests in the Audio collection run one at a time).</summary>
    public static string[] ConverterFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "vigil-audio-*").Where(d => !Path.GetFileName(d).StartsWith("vigil-audio-test-", StringComparison.Ordinal)).ToArray();
}
