using System.Security.Cryptography;
using Vigil.Ingestion.Storage;

namespace Vigil.Ingestion.Tests.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> backend must do, run against each one (Disk, Azurite). A backend's test class
/// derives from this and supplies <see cref="Store"/>; a backend that is not available skips from that getter.
/// </summary>
public abstract class BlobStoreConformance
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    protected abstract IBlobStore Store { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // Tests of one backend share its root or container, so each test writes under its own prefix.
    private readonly string area = $"t-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_empty_blob_round_trips()
    {
        var store = Store;
        var key = $"{area}/empty";

        await store.PutAsync(key, ReadOnlyMemory<byte>.Empty, Cancellation);

        var stored = await store.GetAsync(key, Cancellation);
        Assert.NotNull(stored);
        Assert.Empty(stored);
        Assert.True(await store.ExistsAsync(key, Cancellation));
    }

    [Fact]
    public async Task A_5_MB_blob_round_trips_byte_for_byte()
    {
        var store = Store;
        var bytes = RandomNumberGenerator.GetBytes(FiveMegabytes);
        var key = BlobKey.For(bytes);

        await store.PutAsync(key, bytes, Cancellation);

        Assert.Equal(bytes, await store.GetAsync(key, Cancellation));
        await store.DeleteAsync(key, Cancellation);
    }

    [Fact]
    public async Task Putting_a_key_again_keeps_the_first_blob_and_does_not_throw()
    {
        var store = Store;
        var key = $"{area}/twice";

        await store.PutAsync(key, "first"u8.ToArray(), Cancellation);
        await store.PutAsync(key, "second"u8.ToArray(), Cancellation);

        Assert.Equal("first"u8.ToArray(), await store.GetAsync(key, Cancellation));
    }

    [Fact]
    public async Task A_missing_key_reads_as_null_does_not_exist_and_deletes_as_false()
    {
        var store = Store;
        var key = $"{area}/never-written";

        Assert.Null(await store.GetAsync(key, Cancellation));
        Assert.False(await store.ExistsAsync(key, Cancellation));
        Assert.False(await store.DeleteAsync(key, Cancellation));
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_says_it_existed()
    {
        var store = Store;
        var key = $"{area}/doomed";
        await store.PutAsync(key, "bytes"u8.ToArray(), Cancellation);

        var deleted = await store.DeleteAsync(key, Cancellation);

        Assert.True(deleted);
        Assert.Null(await store.GetAsync(key, Cancellation));
        Assert.False(await store.ExistsAsync(key, Cancellation));
        Assert.False(await store.DeleteAsync(key, Cancellation));
    }

    [Fact]
    public async Task List_returns_the_keys_under_a_prefix_in_ordinal_order()
    {
        var store = Store;

        // Ordinal: '-' < '.' < '/' < digits < upper case < '_' < lower case. A folder walk would put "b/x" before "b-x".
        string[] inside = ["a", "b-x", "b.x", "b/x", "b/y/z", "B", "Z9", "_u", "a0"];
        foreach (var name in inside.Reverse())
        {
            await store.PutAsync($"{area}/list/{name}", "x"u8.ToArray(), Cancellation);
        }

        await store.PutAsync($"{area}/lis", "outside"u8.ToArray(), Cancellation);
        await store.PutAsync($"{area}/listing/other", "outside"u8.ToArray(), Cancellation);

        var listed = await store.ListAsync($"{area}/list/", Cancellation).ToListAsync(Cancellation);
        var partial = await store.ListAsync($"{area}/list/b", Cancellation).ToListAsync(Cancellation);

        Assert.Equal(inside.Select(name => $"{area}/list/{name}").Order(StringComparer.Ordinal), listed);
        Assert.Equal([$"{area}/list/b-x", $"{area}/list/b.x", $"{area}/list/b/x", $"{area}/list/b/y/z"], partial);
    }

    [Fact]
    public async Task List_of_a_prefix_with_nothing_under_it_is_empty()
    {
        var store = Store;

        Assert.Empty(await store.ListAsync($"{area}/nothing/", Cancellation).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Concurrent_puts_of_one_key_leave_one_whole_blob_and_none_fails()
    {
        var store = Store;
        var key = $"{area}/raced";
        var candidates = Enumerable.Range(1, 12).Select(i => Enumerable.Repeat((byte)i, 256 * 1024).ToArray()).ToList();

        await Task.WhenAll(candidates.Select(bytes => Task.Run(() => store.PutAsync(key, bytes, Cancellation), Cancellation)));

        var stored = await store.GetAsync(key, Cancellation);
        Assert.NotNull(stored);
        Assert.Contains(candidates, candidate => candidate.AsSpan().SequenceEqual(stored));
        Assert.Equal([key], await store.ListAsync($"{area}/raced", Cancellation).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Content_addressed_keys_of_the_sha256_fan_out_shape_are_stored_and_listed()
    {
        var store = Store;
        var bytes = System.Text.Encoding.UTF8.GetBytes($"design doc {area}");
        var key = BlobKey.For(bytes);
        Assert.Matches("^sha256/[0-9a-f]{2}/[0-9a-f]{64}$", key);

        await store.PutAsync(key, bytes, Cancellation);

        Assert.Equal(bytes, await store.GetAsync(key, Cancellation));
        Assert.Contains(key, await store.ListAsync(key[..10], Cancellation).ToListAsync(Cancellation));
        Assert.True(await store.DeleteAsync(key, Cancellation));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("a\\..\\b")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("trailing/")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("spaces are not keys")]
    public async Task An_invalid_key_is_an_argument_error_that_names_the_key(string key)
    {
        var store = Store;

        var put = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, "x"u8.ToArray(), Cancellation));
        var get = await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(key, Cancellation));
        var delete = await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, Cancellation));

        Assert.All([put, get, delete], error => Assert.Contains($"'{key}'", error.Message));
    }

    [Fact]
    public async Task A_prefix_that_climbs_out_is_refused()
    {
        var store = Store;

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.ListAsync("../", Cancellation).ToListAsync(Cancellation));
    }
}
