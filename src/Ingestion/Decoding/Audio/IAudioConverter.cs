using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Turns a voice note in any supported container into the 16 kHz mono 16-bit PCM WAV Whisper reads.</summary>
public interface IAudioConverter
{
    /// <summary>Whether the tools the converter runs are on this machine; cheap, for availability checks.</summary>
    bool IsInstalled { get; }

    /// <exception cref="UnreadableContentException">The audio is corrupt, not audio, or longer than <paramref name="maxDuration"/>.</exception>
    /// <exception cref="AudioToolMissingException">The converter's tools are not installed.</exception>
    Task<PcmAudio> ConvertAsync(ReadOnlyMemory<byte> audio, ContentType type, TimeSpan maxDuration, CancellationToken cancellationToken);
}
