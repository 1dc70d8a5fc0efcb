using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Index.Qdrant;

namespace Vigil.Retrieval.Tests.Index.Qdrant;

public sealed class QdrantVectorIndexConnectionTests
{
    [Fact]
    public async Task A_url_where_no_server_listens_fails_quickly_with_an_error_naming_the_setting()
    {
        var options = new QdrantOptions { Url = $"http://127.0.0.1:{ClosedPort()}", ApiKey = "s3cret-key", Timeout = TimeSpan.FromSeconds(3) };
        using var index = new QdrantVectorIndex(options);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<QdrantIndexException>(() => index.CountAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<QdrantIndexException>(() => index.UpsertAsync(
            [new IndexedChunk("c", "i", new ChunkScope("w", "c"), "s", "t", TestVectors.Random(1))], TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<QdrantIndexException>(() => index.SearchAsync(TestVectors.Random(1), new SearchScope("w", "c"), 5, TestContext.Current.CancellationToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains(options.Url, error.Message);
        Assert.Contains("Qdrant:Url", error.Message);
        Assert.Contains("could not be reached", error.Message);
        Assert.DoesNotContain("s3cret-key", error.ToString());
    }

    private static int ClosedPort()
    {
        // A port the system just handed out and that nothing listens on any more.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
