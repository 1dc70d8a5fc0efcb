namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// Waits 1, 2, 4 … seconds between failed attempts, never more than <see cref="Cap"/>, so a Slack outage is not
/// answered with a storm of reconnects; a connection that says hello starts the count again.
/// </summary>
internal sealed class ReconnectBackoff
{
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    private int failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(Interlocked.Increment(ref failures) - 1, 5);
        var delay = TimeSpan.FromSeconds(1 << exponent);
        return delay < Cap ? delay : Cap;
    }

    public void Reset() => Interlocked.Exchange(ref failures, 0);
}
