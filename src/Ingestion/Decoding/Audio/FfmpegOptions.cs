namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Where <see cref="FfmpegAudioConverter"/> finds its tools; bare names are looked up on PATH.</summary>
public sealed record FfmpegOptions
{
    public const string InstallHint = "install the Debian/Ubuntu package \"ffmpeg\" (apt-get install ffmpeg), which provides ffmpeg and ffprobe";

    public string FfmpegPath { get; init; } = "ffmpeg";

    public string FfprobePath { get; init; } = "ffprobe";
}
