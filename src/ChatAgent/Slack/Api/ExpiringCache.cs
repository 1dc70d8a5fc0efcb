using System.Collections.Concurrent;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// Remembers lookups that rarely change (channel details, permalinks) so a busy thread does not spend the
/// rate limit asking again; entries expire so a renamed or now-private channel is seen within <c>lifetime</c>.
/// </summary>
internal sealed class ExpiringCache<T>(TimeSpan lifetime, TimeProvider time)
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Expires)> entries = new(StringComparer.Ordinal);
    private int added;

    /// <summary>Entries held now, expired or not (for tests and diagnostics).</summary>
    public int Count => entries.Count;

    public async Task<T> GetOrAddAsync(string key, Func<Task<T>> load)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            return entry.Value;
        }

        var value = await load();
        entries[key] = (value, time.GetUtcNow() + lifetime);
        if (Interlocked.Increment(ref added) % SweepEvery == 0)
        {
            Sweep();
        }

        return value;
    }

    /// <summary>Drops expired entries: a host that runs for months posts far more messages than it needs to remember links to.</summary>
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in entries)
        {
            if (entry.Expires <= now)
            {
                entries.TryRemove(key, out _);
            }
        }
    }
}
