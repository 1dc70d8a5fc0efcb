using System.Text.RegularExpressions;
using Vigil.Ingestion.Decoding;

namespace Vigil.Bench.Ocr;

/// <summary>The corpus whiteboards and every label drawn on them (read off the images; see whiteboard.ocr.txt).</summary>
internal static partial class Whiteboards
{
    public static readonly IReadOnlyDictionary<string, string[]> Labels = new Dictionary<string, string[]>
    {
        ["03-upload-thumbnails-bucket"] =
        [
            "uploads flow v1", "Browser", "logged in", "POST /uploads", "web-api", "presigned PUT", "expires 5 min",
            "tandem-uploads", "private, BPA on", "S3 event", "SQS", "thumb-jobs", "thumbnailer", "EKS pods",
            "shell: convert", "copy orig + thumbs", "tandem-public-media", "PUBLIC read", "CloudFront", "media.tandem",
            "GetObject", "HTTPS",
        ],
        ["11-iot-mqtt-firmware"] =
        [
            "Frostline cold chain v2", "Sensor ESP32", "x 4000 trucks", "JTAG on", "telemetry/{id}", "fw/{model}/latest",
            "ingest-broker", "Mosquitto :8883", "mTLS device certs", "telemetry/#", "telemetry-ingest", "(Go)",
            "temp alerts", "GPS, temp", "TimescaleDB", "private subnet", "HTTP download", "md5 only", "admin / password",
            "publish fw msg", "ops-tool", "CLI", "S3 frostline-fw", "firmware .bin",
        ],
    };

    /// <summary>A label counts as read when one segment holds it whole (case and spacing aside).</summary>
    public static IReadOnlyList<string> Found(string board, IReadOnlyList<Segment> segments) => Found(board, segments.Select(s => s.Text));

    public static IReadOnlyList<string> Found(string board, IEnumerable<string> lineTexts)
    {
        var lines = lineTexts.Select(Normalize).ToList();
        return Labels[board].Where(label => lines.Any(line => line.Contains(Normalize(label), StringComparison.Ordinal))).ToList();
    }

    /// <summary>Whether an OCR word is part of some label (punctuation aside), i.e. not noise.</summary>
    public static bool IsLabelWord(string board, string word) =>
        Labels[board].SelectMany(l => Normalize(l).Split(' ')).Select(LettersAndDigits).Contains(LettersAndDigits(Normalize(word)));

    private static string LettersAndDigits(string word) => string.Concat(word.Where(char.IsLetterOrDigit));

    private static string Normalize(string text) => Spaces().Replace(text.ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
