using System.Text.RegularExpressions;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Turns ffmpeg's stderr into the one line a user can act on.</summary>
internal static partial class FfmpegDiagnostics
{
    public static string Corrupt(string stderr, string inputPath) => $"audio is corrupt or not audio: {LastLine(stderr, inputPath)}";

    // The last line is ffmpeg's conclusion ("End of file", "Invalid data found when processing input"); earlier lines
    // are per-packet noise. The temporary path and the demuxer's memory address mean nothing to the user.
    public static string LastLine(string stderr, string inputPath)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => !l.StartsWith("Last message repeated", StringComparison.Ordinal));
        if (line is null)
        {
            return "ffmpeg gave no reason";
        }

        line = line.Replace(inputPath + ": ", "", StringComparison.Ordinal).Replace(inputPath, "the file", StringComparison.Ordinal);
        return Address().Replace(line, "");
    }

    [GeneratedRegex(@" @ 0x[0-9a-fA-F]+")]
    private static partial Regex Address();
}
