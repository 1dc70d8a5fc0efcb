namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// A converted voice note: a 16 kHz mono 16-bit WAV in a private temporary folder, which is deleted with this object
/// so no audio of a user outlives its transcription.
/// </summary>
public sealed class PcmAudio : IDisposable
{
    private readonly DirectoryInfo folder;

    internal PcmAudio(DirectoryInfo folder, string path, WavFormat format)
    {
        this.folder = folder;
        Path = path;
        Format = format;
    }

    public string Path { get; }

    public WavFormat Format { get; }

    public TimeSpan Duration => Format.Duration;

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);

    public void Dispose() => TemporaryFolder.Delete(folder);
}
