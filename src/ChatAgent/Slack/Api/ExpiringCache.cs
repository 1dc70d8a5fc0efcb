using System.Collections.Concurrent;

namespace Vigil.ChatAgent.Slack.Api;

/// <summary>
/// Remembers lookups that rarely change (channel details, permalinks) so a busy thread does not spend the
/// rate limit asking again; entries expire so a renamed or now-private channel is seen within <c>lifetime</c>.
/// </summary>
internal sealed class ExpiringCache<T>(TimeSpan lifetime, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Expires)> entries = new(StringComparer.Ordinal);

    public async Task<T> GetOrAddAsync(string key, Func<Task<T>> load)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            return entry.Value;
        }

        var value = await load();
        entries[key] = (value, time.GetUtcNow() + lifetime);
        return value;
    }
}
