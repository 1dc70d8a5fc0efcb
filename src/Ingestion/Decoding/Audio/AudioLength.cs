using System.Globalization;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Lengths as a user reads them in a refusal: "3 h 0 min", "4 min 5 s", and a limit as "60 min".</summary>
internal static class AudioLength
{
    public const string LimitKey = "Ingestion:MaxAudioDuration";

    public static string TooLong(TimeSpan length, TimeSpan limit) =>
        $"audio is {Describe(length)} long, above the {DescribeLimit(limit)} limit ({LimitKey})";

    public static string RunsPast(TimeSpan limit) =>
        $"audio runs past the {DescribeLimit(limit)} limit ({LimitKey})";

    public static string Describe(TimeSpan length)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(length.TotalSeconds));
        if (whole.TotalHours >= 1)
        {
            return Invariant($"{(int)whole.TotalHours} h {whole.Minutes} min");
        }

        if (whole.TotalMinutes >= 1)
        {
            return whole.Seconds == 0 ? Invariant($"{whole.Minutes} min") : Invariant($"{whole.Minutes} min {whole.Seconds} s");
        }

        return Invariant($"{whole.Seconds} s");
    }

    // A limit is configured in round minutes and read back the same way: "60 min", not "1 h 0 min".
    private static string DescribeLimit(TimeSpan limit) =>
        limit.TotalMinutes >= 1 && limit.TotalMinutes == Math.Floor(limit.TotalMinutes)
            ? Invariant($"{(int)limit.TotalMinutes} min")
            : Describe(limit);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
