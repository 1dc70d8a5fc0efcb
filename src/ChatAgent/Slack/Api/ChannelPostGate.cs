using System.Collections.Concurrent;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// Slack allows about one message per second per channel. Posts to one channel take turns and keep
/// <c>interval</c> between the end of one and the start of the next; other channels have their own lane.
/// Turns also keep a channel's posts in the order they were asked for.
/// </summary>
internal sealed class ChannelPostGate(TimeSpan interval, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string channel, Func<Task<T>> post, CancellationToken cancellationToken)
    {
        var lane = lanes.GetOrAdd(channel, _ => new Lane());
        await lane.Turn.WaitAsync(cancellationToken);
        try
        {
            if (lane.LastPost is { } last)
            {
                var wait = interval - time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                {
                    await time.WaitAtLeastAsync(wait, cancellationToken);
                }
            }

            try
            {
                return await post();
            }
            finally
            {
                // Measured from the end of the post: the next one cannot reach Slack sooner than interval after it.
                lane.LastPost = time.GetTimestamp();
            }
        }
        finally
        {
            lane.Turn.Release();
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long? LastPost { get; set; }
    }
}
