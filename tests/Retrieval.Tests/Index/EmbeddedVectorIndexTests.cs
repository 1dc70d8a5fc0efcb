using Vigil.Retrieval.Index;
using static Vigil.Retrieval.Tests.Index.Scopes;
using static Vigil.Retrieval.Tests.Index.TempIndex;

namespace Vigil.Retrieval.Tests.Index;

public sealed class EmbeddedVectorIndexTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TempIndex temp = new();

    private EmbeddedVectorIndex Index => temp.Index;

    public void Dispose() => temp.Dispose();

    private static string[] Ids(IReadOnlyList<SearchHit> hits) => hits.Select(h => h.Chunk.Id).ToArray();

    [Fact]
    public async Task Search_returns_the_closest_chunk_first_with_its_text_and_cosine_score()
    {
        await Index.UpsertAsync(
        [
            Chunk("east", General, "points east", 1, 0, 0, 0),
            Chunk("north", General, "points north", 0, 1, 0, 0),
            Chunk("north-east", General, "points north-east", 1, 1, 0, 0),
        ], Cancel);

        var hits = await Index.SearchAsync(new float[] { 0.9f, 0.2f, 0, 0 }, AskedInGeneral, 2, Cancel);

        Assert.Equal(["east", "north-east"], Ids(hits));
        Assert.Equal("points east", hits[0].Chunk.Text);
        Assert.InRange(hits[0].Score, 0.97, 0.98);
    }

    [Fact]
    public async Task A_private_channels_chunks_are_never_returned_to_another_channel_but_are_to_itself()
    {
        await Index.UpsertAsync(
        [
            Chunk("secret", Security, "private", 1, 0, 0, 0),
            Chunk("public", General, "public", 0, 1, 0, 0),
            Chunk("elsewhere", OtherWorkspace, "other workspace", 1, 0, 0, 0),
        ], Cancel);

        var fromGeneral = await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInGeneral, 10, Cancel);
        var fromSecurity = await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInSecurity, 10, Cancel);

        Assert.Equal(["public"], Ids(fromGeneral));
        Assert.Equal(["secret", "public"], Ids(fromSecurity));
    }

    [Fact]
    public async Task A_thread_scope_only_returns_that_threads_chunks()
    {
        await Index.UpsertAsync(
        [
            Chunk("in-thread", General with { Thread = "t1" }, "a", 0, 1, 0, 0),
            Chunk("other-thread", General with { Thread = "t2" }, "b", 1, 0, 0, 0),
            Chunk("channel-root", General, "c", 1, 0, 0, 0),
        ], Cancel);

        var hits = await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInGeneral with { Thread = "t1" }, 10, Cancel);

        Assert.Equal(["in-thread"], Ids(hits));
    }

    [Fact]
    public async Task Deletes_and_upserts_after_the_first_search_are_reflected_in_the_next()
    {
        await Index.UpsertAsync([Chunk("a", General, "a", 1, 0, 0, 0), Chunk("b", General, "b", 0, 1, 0, 0)], Cancel);
        Assert.Equal("a", Ids(await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInGeneral, 1, Cancel))[0]);

        await Index.DeleteItemAsync("item-a", Cancel);
        await Index.UpsertAsync([Chunk("b", General, "b moved", 1, 0.1f, 0, 0), Chunk("c", General, "c", 0, 0, 1, 0)], Cancel);
        var hits = await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInGeneral, 3, Cancel);

        Assert.Equal(["b", "c"], Ids(hits));
        Assert.Equal("b moved", hits[0].Chunk.Text);
        Assert.Equal(2, await Index.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_reopened_index_searches_what_an_earlier_instance_wrote()
    {
        await Index.UpsertAsync([Chunk("a", General, "a", 0, 0, 1, 0)], Cancel);

        using var reopened = temp.Reopen();
        var hits = await reopened.SearchAsync(new float[] { 0, 0, 1, 0 }, AskedInGeneral, 1, Cancel);

        Assert.Equal(["a"], Ids(hits));
    }

    [Fact]
    public async Task Searches_running_while_chunks_are_written_always_see_whole_chunks()
    {
        await Index.UpsertAsync([Chunk("seed", General, "seed", 1, 0, 0, 0)], Cancel);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await Index.UpsertAsync([Chunk($"w{i}", i % 2 == 0 ? General : Security, "w", 1, i, 0, 0)], Cancel);
                if (i % 3 == 0)
                {
                    await Index.DeleteItemAsync($"item-w{i / 2}", Cancel);
                }
            }
        }, Cancel);

        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writer.IsCompleted)
            {
                var hits = await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInGeneral, 5, Cancel);
                Assert.All(hits, h => Assert.False(h.Chunk.Scope.PrivateChannel));
            }
        }, Cancel)).ToList();
        await Task.WhenAll([writer, .. searches]);

        Assert.Equal(await Index.CountAsync(Cancel), (await Index.SearchAsync(new float[] { 1, 0, 0, 0 }, AskedInSecurity, 1000, Cancel)).Count);
    }

    [Fact]
    public async Task An_index_built_with_another_model_is_refused_naming_both_models_and_reindex()
    {
        using (var first = new TempIndex(new EmbeddingModel("all-MiniLM-L6-v2", 4)))
        {
            await first.Index.UpsertAsync([Chunk("a", General, "a", 1, 0, 0, 0)], Cancel);

            using var reopened = first.Reopen(new EmbeddingModel("text-embedding-3-small", 1536));
            var error = await Assert.ThrowsAsync<IndexModelMismatchException>(() => reopened.CountAsync(Cancel));
            Assert.Contains("'all-MiniLM-L6-v2' (4 dimensions)", error.Message);
            Assert.Contains("'text-embedding-3-small' (1536 dimensions)", error.Message);
            Assert.Contains("vigil reindex", error.Message);

            var atStart = await Assert.ThrowsAsync<IndexModelMismatchException>(
                () => first.Index.EnsureCompatibleAsync(new EmbeddingModel("nomic-embed-text", 4), Cancel));
            Assert.Contains("'nomic-embed-text'", atStart.Message);
            await first.Index.EnsureCompatibleAsync(new EmbeddingModel("all-MiniLM-L6-v2", 4), Cancel);
        }
    }

    [Fact]
    public async Task A_vector_of_another_dimension_is_refused_with_reindex_advice()
    {
        await Index.UpsertAsync([Chunk("a", General, "a", 1, 0, 0, 0)], Cancel);

        var write = await Assert.ThrowsAsync<IndexModelMismatchException>(() => Index.UpsertAsync([Chunk("b", General, "b", 1, 0)], Cancel));
        var search = await Assert.ThrowsAsync<IndexModelMismatchException>(() => Index.SearchAsync(new float[] { 1, 0 }, AskedInGeneral, 1, Cancel));

        Assert.Contains("vigil reindex", write.Message);
        Assert.Contains("vigil reindex", search.Message);
    }
}
