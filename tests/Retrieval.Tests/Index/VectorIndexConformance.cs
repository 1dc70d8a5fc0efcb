using System.Numerics.Tensors;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Index;

/// <summary>
/// What every <see cref="IVectorIndex"/> backend must do, run once per backend by a fixture that makes a fresh, empty
/// index for each test (<see cref="CreateIndexAsync"/>) and removes it afterwards (<see cref="DeleteIndexAsync"/>).
/// </summary>
public abstract class VectorIndexConformance : IAsyncLifetime
{
    private static readonly ChunkScope Public = new("acme", "general");
    private static readonly ChunkScope Secret = new("acme", "security-private", PrivateChannel: true);
    private static readonly ChunkScope OtherWorkspace = new("globex", "general");

    private IVectorIndex? index;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A new, empty index; a fixture whose backend is not available here calls <c>Assert.Skip</c> with the reason.</summary>
    protected abstract Task<IVectorIndex> CreateIndexAsync();

    protected abstract Task DeleteIndexAsync(IVectorIndex index);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (index is not null)
        {
            await DeleteIndexAsync(index);
        }

        GC.SuppressFinalize(this);
    }

    private async Task<IVectorIndex> IndexAsync() => index ??= await CreateIndexAsync();

    private static IndexedChunk Chunk(string id, ChunkScope scope, int seed, string? item = null) =>
        new(id, item ?? $"item-{id}", scope, $"{scope.Channel}#{id}", $"text of {id}", TestVectors.Random(seed));

    [Fact]
    public async Task A_new_index_is_empty_and_finds_nothing()
    {
        var index = await IndexAsync();

        Assert.Equal(0, await index.CountAsync(Cancellation));
        Assert.Empty(await index.ChunksPerItemAsync(Cancellation));
        Assert.Empty(await index.SearchAsync(TestVectors.Random(1), new SearchScope("acme", "general"), 5, Cancellation));
    }

    [Fact]
    public async Task Upserted_chunks_are_counted()
    {
        var index = await IndexAsync();

        await index.UpsertAsync([Chunk("a", Public, seed: 1), Chunk("b", Public, seed: 2), Chunk("c", Secret, seed: 3)], Cancellation);

        Assert.Equal(3, await index.CountAsync(Cancellation));
    }

    [Fact]
    public async Task Upserting_the_same_chunks_again_keeps_one_copy_with_the_new_text()
    {
        var index = await IndexAsync();
        IndexedChunk[] chunks = [Chunk("a", Public, item: "doc", seed: 1), Chunk("b", Public, item: "doc", seed: 2)];

        await index.UpsertAsync(chunks, Cancellation);
        await index.UpsertAsync([chunks[0] with { Text = "rewritten" }, chunks[1]], Cancellation);

        Assert.Equal(2, await index.CountAsync(Cancellation));
        Assert.Equal(2, (await index.ChunksPerItemAsync(Cancellation))["doc"]);
        var hit = Assert.Single(await index.SearchAsync(chunks[0].Vector, new SearchScope("acme", "general"), 1, Cancellation));
        Assert.Equal("rewritten", hit.Chunk.Text);
    }

    [Fact]
    public async Task Chunks_per_item_counts_each_item()
    {
        var index = await IndexAsync();

        await index.UpsertAsync(
            [Chunk("a1", Public, item: "a", seed: 1), Chunk("a2", Public, item: "a", seed: 2), Chunk("a3", Secret, item: "a", seed: 3), Chunk("b1", Public, item: "b", seed: 4)],
            Cancellation);

        var perItem = await index.ChunksPerItemAsync(Cancellation);
        Assert.Equal(2, perItem.Count);
        Assert.Equal(3, perItem["a"]);
        Assert.Equal(1, perItem["b"]);
    }

    [Fact]
    public async Task A_large_write_is_stored_whole()
    {
        var index = await IndexAsync();
        // More than one upsert batch of any backend that batches (Qdrant: 256 points a call) and more than one scroll page.
        var chunks = Enumerable.Range(0, 1100).Select(i => Chunk($"n{i}", Public, item: $"item{i % 7}", seed: 1000 + i)).ToList();

        await index.UpsertAsync(chunks, Cancellation);

        Assert.Equal(1100, await index.CountAsync(Cancellation));
        var perItem = await index.ChunksPerItemAsync(Cancellation);
        Assert.Equal(1100, perItem.Values.Sum());
        Assert.Equal(158, perItem["item0"]);
    }

    [Fact]
    public async Task Deleting_an_item_removes_only_its_chunks()
    {
        var index = await IndexAsync();
        await index.UpsertAsync([Chunk("a1", Public, item: "a", seed: 1), Chunk("a2", Public, item: "a", seed: 2), Chunk("b1", Public, item: "b", seed: 3)], Cancellation);

        await index.DeleteItemAsync("a", Cancellation);
        await index.DeleteItemAsync("never-indexed", Cancellation);

        Assert.Equal(1, await index.CountAsync(Cancellation));
        Assert.Equal(["b"], (await index.ChunksPerItemAsync(Cancellation)).Keys);
        var hits = await index.SearchAsync(TestVectors.Random(1), new SearchScope("acme", "general"), 10, Cancellation);
        Assert.Equal(["b1"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Search_returns_the_nearest_first_with_the_chunk_as_written()
    {
        var index = await IndexAsync();
        var chunks = Enumerable.Range(0, 40)
            .Select(i => Chunk($"c{i}", new ChunkScope("acme", "general", Thread: i % 2 == 0 ? "t1" : null, Message: $"m{i}"), seed: 100 + i))
            .ToList();
        await index.UpsertAsync(chunks, Cancellation);
        var query = TestVectors.Near(chunks[17].Vector.ToArray(), seed: 9, noise: 0.5f);

        var hits = await index.SearchAsync(query, new SearchScope("acme", "general"), 5, Cancellation);

        var expected = chunks.OrderByDescending(c => TensorPrimitives.CosineSimilarity(c.Vector.Span, query)).Take(5).Select(c => c.Id);
        Assert.Equal(expected, hits.Select(h => h.Chunk.Id));
        Assert.Equal(hits.Select(h => h.Score).OrderByDescending(s => s), hits.Select(h => h.Score));
        Assert.Equal(TensorPrimitives.CosineSimilarity(chunks[17].Vector.Span, query), hits[0].Score, 3);
        var best = hits[0].Chunk;
        Assert.Equal((chunks[17].Id, chunks[17].ItemId, chunks[17].Scope, chunks[17].Source, chunks[17].Text), (best.Id, best.ItemId, best.Scope, best.Source, best.Text));
    }

    [Fact]
    public async Task Search_returns_at_most_top_hits()
    {
        var index = await IndexAsync();
        await index.UpsertAsync(Enumerable.Range(0, 12).Select(i => Chunk($"c{i}", Public, seed: i)).ToList(), Cancellation);

        var hits = await index.SearchAsync(TestVectors.Random(3), new SearchScope("acme", "general"), 4, Cancellation);

        Assert.Equal(4, hits.Count);
    }

    [Fact]
    public async Task Private_channel_chunks_are_invisible_from_another_channel()
    {
        var index = await IndexAsync();
        var secret = Chunk("secret", Secret, seed: 1);
        await index.UpsertAsync([secret, Chunk("public", Public, seed: 2)], Cancellation);

        // The query is the secret chunk's own vector: the closest text there is, and still not returned.
        var hits = await index.SearchAsync(secret.Vector, new SearchScope("acme", "general"), 10, Cancellation);

        Assert.Equal(["public"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Private_channel_chunks_are_visible_from_their_own_channel()
    {
        var index = await IndexAsync();
        var secret = Chunk("secret", Secret, seed: 1);
        await index.UpsertAsync([secret, Chunk("public", Public, seed: 2), Chunk("other-secret", Secret with { Channel = "hr-private" }, seed: 3)], Cancellation);

        var hits = await index.SearchAsync(secret.Vector, new SearchScope("acme", "security-private"), 10, Cancellation);

        Assert.Equal(["secret", "public"], hits.Select(h => h.Chunk.Id));
        Assert.True(hits[0].Chunk.Scope.PrivateChannel);
    }

    [Fact]
    public async Task A_thread_scope_returns_only_that_thread()
    {
        var index = await IndexAsync();
        await index.UpsertAsync(
            [
                Chunk("in-thread", Public with { Thread = "t1" }, seed: 1),
                Chunk("other-thread", Public with { Thread = "t2" }, seed: 2),
                Chunk("no-thread", Public, seed: 3),
                Chunk("same-thread-id-elsewhere", Public with { Channel = "random", Thread = "t1" }, seed: 4),
            ],
            Cancellation);

        var hits = await index.SearchAsync(TestVectors.Random(2), new SearchScope("acme", "general", "t1"), 10, Cancellation);

        Assert.Equal(["in-thread"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Another_workspace_is_never_returned()
    {
        var index = await IndexAsync();
        var foreign = Chunk("foreign", OtherWorkspace, seed: 1);
        await index.UpsertAsync([foreign, Chunk("ours", Public, seed: 2)], Cancellation);

        var hits = await index.SearchAsync(foreign.Vector, new SearchScope("acme", "general"), 10, Cancellation);

        Assert.Equal(["ours"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Every_scope_gets_exactly_the_chunks_it_can_see()
    {
        var index = await IndexAsync();
        string[] workspaces = ["acme", "globex"];
        string[] channels = ["general", "random", "security-private", "hr-private"];
        string?[] threads = [null, "t1", "t2"];
        var chunks = (
            from workspace in workspaces
            from channel in channels
            from thread in threads
            select new ChunkScope(workspace, channel, thread, PrivateChannel: channel.EndsWith("-private", StringComparison.Ordinal)))
            .Select((scope, i) => Chunk($"c{i}", scope, seed: 500 + i))
            .ToList();
        await index.UpsertAsync(chunks, Cancellation);

        foreach (var scope in from workspace in workspaces.Append("initech") from channel in channels from thread in threads select new SearchScope(workspace, channel, thread))
        {
            var hits = await index.SearchAsync(TestVectors.Random(7), scope, chunks.Count, Cancellation);

            var expected = chunks.Where(c => scope.CanSee(c.Scope)).Select(c => c.Id).Order();
            Assert.Equal(expected, hits.Select(h => h.Chunk.Id).Order());
        }
    }
}
