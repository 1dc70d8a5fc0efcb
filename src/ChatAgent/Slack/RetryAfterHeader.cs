using System.Net.Http.Headers;

namespace Vigil.ChatAgent.Slack;

/// <summary>How long Slack asked us to wait after HTTP 429 (seconds or a date); null when it did not say.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Wait(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
