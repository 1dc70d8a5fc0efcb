using Vigil.Ingestion.Storage;

namespace Vigil.Ingestion.Tests.Storage;

/// <summary>The conformance suite on a fresh temporary folder per test, plus what only a disk store can get wrong.</summary>
public sealed class DiskBlobStoreTests : BlobStoreConformance, IDisposable
{
    private readonly string parent = Directory.CreateTempSubdirectory("vigil-blobs-").FullName;
    private readonly DiskBlobStore store;

    public DiskBlobStoreTests() => store = new DiskBlobStore(Path.Combine(parent, "root"));

    protected override IBlobStore Store => store;

    [Fact]
    public async Task Keys_that_try_to_escape_write_nothing_outside_the_root()
    {
        foreach (var key in new[] { "../outside", "../../outside", "/tmp/outside", "x/../../outside" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, "x"u8.ToArray(), TestContext.Current.CancellationToken));
        }

        // The root itself is created on first write; nothing else may appear beside it.
        Assert.All(Directory.GetFileSystemEntries(parent), entry => Assert.Equal(Path.Combine(parent, "root"), entry));
        Assert.False(File.Exists("/tmp/outside"));
    }

    [Fact]
    public async Task A_temporary_file_left_by_a_crash_is_neither_a_blob_nor_listed()
    {
        var key = "sha256/ab/abcdef";
        Directory.CreateDirectory(Path.Combine(store.Root, "sha256", "ab"));
        await File.WriteAllTextAsync(Path.Combine(store.Root, "sha256", "ab", ".abcdef.0123.tmp"), "half", TestContext.Current.CancellationToken);

        Assert.Empty(await store.ListAsync("", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.False(await store.ExistsAsync(key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_put_leaves_only_the_blob_in_its_folder()
    {
        await store.PutAsync("sha256/cd/cdef", "bytes"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.Equal([Path.Combine(store.Root, "sha256", "cd", "cdef")], Directory.GetFiles(Path.Combine(store.Root, "sha256", "cd")));
    }

    public void Dispose() => Directory.Delete(parent, recursive: true);
}
