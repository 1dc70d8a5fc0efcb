using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.Slack.Api;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Lookups are remembered for a while, then asked again; expired ones do not pile up.</summary>
public sealed class ExpiringCacheTests
{
    [Fact]
    public async Task A_lookup_is_remembered_until_it_expires_then_loaded_again()
    {
        var time = new FakeTimeProvider();
        var cache = new ExpiringCache<string>(TimeSpan.FromMinutes(10), time);
        var loads = 0;
        Task<string> Load() => Task.FromResult($"v{++loads}");

        Assert.Equal("v1", await cache.GetOrAddAsync("C1", Load));
        Assert.Equal("v1", await cache.GetOrAddAsync("C1", Load));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal("v2", await cache.GetOrAddAsync("C1", Load));
    }

    [Fact]
    public async Task Expired_entries_are_dropped_as_new_ones_arrive()
    {
        var time = new FakeTimeProvider();
        var cache = new ExpiringCache<int>(TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 1000; i++)
        {
            await cache.GetOrAddAsync($"old-{i}", () => Task.FromResult(i));
        }

        time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 100; i++)
        {
            await cache.GetOrAddAsync($"new-{i}", () => Task.FromResult(i));
        }

        Assert.True(cache.Count <= 100, $"{cache.Count} entries kept");
    }
}
