using System.Globalization;
using System.Text.Json;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// What <c>ffprobe -show_entries format=duration:stream=codec_type -of json</c> says about a file: whether it has
/// sound, and how long it claims to be. The length is null when the container does not say (browser-recorded WebM
/// often has none); the conversion is bounded by the limit anyway.
/// </summary>
internal sealed record FfprobeReport(bool HasAudio, TimeSpan? Duration)
{
    public static readonly string[] Arguments = ["-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json"];

    /// <exception cref="JsonException">The output is not ffprobe's JSON.</exception>
    public static FfprobeReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var hasAudio = root.TryGetProperty("streams", out var streams)
            && streams.EnumerateArray().Any(s => s.TryGetProperty("codec_type", out var type) && type.GetString() == "audio");
        TimeSpan? duration = root.TryGetProperty("format", out var format)
            && format.TryGetProperty("duration", out var value)
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2))
                : null;
        return new FfprobeReport(hasAudio, duration);
    }
}
