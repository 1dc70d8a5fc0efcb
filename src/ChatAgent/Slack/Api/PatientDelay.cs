namespace Vigil.ChatAgent.Slack.Api;

internal static class PatientDelay
{
    /// <summary>
    /// Waits at least <paramref name="delay"/> by <paramref name="time"/>'s clock. Timers may fire a few milliseconds
    /// early on a coarse clock, and Slack counts Retry-After and the per-channel pace strictly.
    /// </summary>
    public static async Task WaitAtLeastAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        for (var left = delay; left > TimeSpan.Zero; left = delay - time.GetElapsedTime(start))
        {
            await Task.Delay(left, time, cancellationToken);
        }
    }
}
