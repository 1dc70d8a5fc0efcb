using Cronos;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>Reading the schedule and its zone, in one place for the validator and the scheduler.</summary>
internal static class DigestSchedule
{
    /// <returns>Null when <paramref name="text"/> parses; otherwise why not.</returns>
    public static string? TryParse(string? text, out CronExpression? expression)
    {
        expression = null;
        try
        {
            expression = CronExpression.Parse(text ?? "");
            return null;
        }
        catch (Exception e) when (e is CronFormatException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <returns>Null when <paramref name="id"/> is a known zone; otherwise why not.</returns>
    public static string? TryFindZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id ?? "");
            return null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return e.Message;
        }
    }
}
