using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// Converts with Debian's <c>ffmpeg</c>: the length is probed first so an over-long recording is refused before any
/// decoding work, then the first audio track is resampled to 16 kHz mono 16-bit PCM. The input goes through a
/// temporary file, not a pipe, because MP4/M4A keep their index at the end and ffmpeg must seek to it.
/// </summary>
public sealed class FfmpegAudioConverter(FfmpegOptions options) : IAudioConverter
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    // The extension only helps ffmpeg's format probe; the bytes were already sniffed.
    private static readonly Dictionary<ContentType, string> Extensions = new()
    {
        [ContentType.Ogg] = ".ogg",
        [ContentType.Webm] = ".webm",
        [ContentType.Mp4] = ".m4a",
        [ContentType.Mp3] = ".mp3",
        [ContentType.Wav] = ".wav",
        [ContentType.Flac] = ".flac",
    };

    public FfmpegAudioConverter()
        : this(new FfmpegOptions())
    {
    }

    public bool IsInstalled => ExecutableLookup.Exists(options.FfmpegPath) && ExecutableLookup.Exists(options.FfprobePath);

    public async Task<PcmAudio> ConvertAsync(ReadOnlyMemory<byte> audio, ContentType type, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        var folder = TemporaryFolder.Create();
        try
        {
            var input = Path.Combine(folder.FullName, "input" + Extensions.GetValueOrDefault(type, ".bin"));
            await File.WriteAllBytesAsync(input, audio, cancellationToken).ConfigureAwait(false);

            var probe = await ProbeAsync(input, cancellationToken).ConfigureAwait(false);
            if (probe.Duration is { } length && length > maxDuration)
            {
                throw new UnreadableContentException(AudioLength.TooLong(length, maxDuration));
            }

            var output = Path.Combine(folder.FullName, "audio.wav");
            await ResampleAsync(input, output, maxDuration, cancellationToken).ConfigureAwait(false);
            File.Delete(input);

            var format = WavFormat.Read(output);
            if (format.DataBytes == 0)
            {
                throw new UnreadableContentException("audio is corrupt or not audio: no sound could be decoded from it");
            }

            // The container's stated length can lie (or be absent); what was actually decoded cannot.
            if (format.Duration > maxDuration)
            {
                throw new UnreadableContentException(AudioLength.RunsPast(maxDuration));
            }

            return new PcmAudio(folder, output, format);
        }
        catch
        {
            TemporaryFolder.Delete(folder);
            throw;
        }
    }

    private async Task<FfprobeReport> ProbeAsync(string input, CancellationToken cancellationToken)
    {
        var result = await RunAsync(options.FfprobePath, [.. FfprobeReport.Arguments, input], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new UnreadableContentException(FfmpegDiagnostics.Corrupt(result.StandardError, input));
        }

        FfprobeReport report;
        try
        {
            report = FfprobeReport.Parse(result.StandardOutput);
        }
        catch (JsonException e)
        {
            throw new UnreadableContentException("audio is corrupt or not audio: ffprobe could not describe it", e);
        }

        return report.HasAudio ? report : throw new UnreadableContentException("the file has no audio track");
    }

    private async Task ResampleAsync(string input, string output, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        // Decoding stops one second past the limit: enough to tell "too long", and a file whose header
        // understates its length cannot make ffmpeg decode hours of audio.
        var stopAfter = (maxDuration + TimeSpan.FromSeconds(1)).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error",
            "-i", input,
            "-map", "0:a:0", "-vn", "-sn", "-dn",
            "-t", stopAfter,
            "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",

            // No metadata chunk: a plain 44-byte header, and no tags of the user's file copied along.
            "-map_metadata", "-1", "-fflags", "+bitexact",
            "-f", "wav", "-y", output,
        ];
        var result = await RunAsync(options.FfmpegPath, arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new UnreadableContentException(FfmpegDiagnostics.Corrupt(result.StandardError, input));
        }
    }

    private static async Task<ChildProcessResult> RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ChildProcess.RunAsync(executable, arguments, NoEnvironment, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            throw new AudioToolMissingException($"{Path.GetFileName(executable)} is not installed ({executable} cannot be run): voice notes need ffmpeg; {FfmpegOptions.InstallHint}", e);
        }
    }
}
