using Microsoft.Extensions.AI;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Search;
using Vigil.Retrieval.Tests.Index;
using static Vigil.Retrieval.Tests.Index.Scopes;

namespace Vigil.Retrieval.Tests.Search;

public sealed class HybridSearchTests(MiniLmFixture miniLm) : IClassFixture<MiniLmFixture>, IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TempIndex temp = new(EmbeddingModel.Of(miniLm.Generator));

    public void Dispose() => temp.Dispose();

    private static readonly (string Id, ChunkScope Scope, string Text)[] Conversation =
    [
        ("orders-v1", General, "billing subscribes to orders.v1 with auto-commit turned on"),
        ("order-schema", General, "order events are versioned and the new schema adds a currency field"),
        ("order-topic", General, "the order topic in Kafka is partitioned by customer id"),
        ("order-publish", General, "we publish order updates to the message broker for the warehouse"),
        ("order-replay", General, "order messages can be replayed from the beginning of the stream"),
        ("unsigned-hooks", General, "incoming webhooks are accepted without verifying who signed them"),
        ("provider-invoice", General, "the payment provider sends us a monthly invoice as a PDF"),
        ("callback-url", General, "we check the callback URL in the provider dashboard before each release"),
        ("payment-retry", General, "payment calls to the provider are retried three times with backoff"),
        ("secret-hooks", Security, "the webhook signing secret for orders.v1 is shared in this private channel"),
    ];

    private async Task<HybridSearch> SeedAsync()
    {
        await temp.Index.UpsertAsync(await miniLm.ChunksAsync(Conversation, Cancel), Cancel);
        return new HybridSearch(miniLm.Generator, temp.Index, temp.Index);
    }

    private async Task<(int Vector, int Keyword, int Hybrid)> RanksAsync(HybridSearch hybrid, string question, string expected, int top)
    {
        var vector = await miniLm.Generator.GenerateVectorAsync(question, cancellationToken: Cancel);
        var byVector = await temp.Index.SearchAsync(vector, AskedInGeneral, top, Cancel);
        var byKeyword = await temp.Keywords.SearchAsync(question, AskedInGeneral, top, Cancel);
        var byBoth = await hybrid.SearchAsync(question, AskedInGeneral, top, Cancel);
        static int Rank(IReadOnlyList<SearchHit> hits, string id) =>
            hits.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.Chunk.Id == id, (null!, int.MaxValue - 1)).Item2 + 1;
        return (Rank(byVector, expected), Rank(byKeyword, expected), Rank(byBoth, expected));
    }

    [Fact]
    public async Task Hybrid_finds_an_exact_identifier_that_vector_search_alone_ranks_lower()
    {
        var hybrid = await SeedAsync();

        var ranks = await RanksAsync(hybrid, "which service reads orders.v1?", "orders-v1", 3);

        Assert.True(ranks.Hybrid == 1 && ranks.Vector > 1, $"vector rank {ranks.Vector}, keyword {ranks.Keyword}, hybrid {ranks.Hybrid}");
    }

    [Fact]
    public async Task Hybrid_finds_a_paraphrase_that_keyword_search_alone_misses()
    {
        var hybrid = await SeedAsync();

        var ranks = await RanksAsync(hybrid, "could an attacker forge a web hook?", "unsigned-hooks", 3);

        Assert.True(ranks.Hybrid <= 3 && ranks.Keyword > 3, $"vector rank {ranks.Vector}, keyword {ranks.Keyword}, hybrid {ranks.Hybrid}");
    }

    [Fact]
    public async Task Hybrid_never_returns_a_private_channels_chunks_to_another_channel_but_does_to_itself()
    {
        var hybrid = await SeedAsync();
        const string question = "where is the webhook signing secret for orders.v1 shared?";

        var fromGeneral = await hybrid.SearchAsync(question, AskedInGeneral, 20, Cancel);
        var fromSecurity = await hybrid.SearchAsync(question, AskedInSecurity, 20, Cancel);

        Assert.DoesNotContain(fromGeneral, h => h.Chunk.Scope.PrivateChannel);
        Assert.Equal("secret-hooks", fromSecurity[0].Chunk.Id);
    }

    [Fact]
    public async Task Hybrid_scores_are_fused_ranks_best_first()
    {
        var hybrid = await SeedAsync();

        var hits = await hybrid.SearchAsync("orders.v1 auto-commit", AskedInGeneral, 5, Cancel);

        Assert.Equal(2.0 / (ReciprocalRankFusion.K + 1), hits[0].Score, 6);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Chunk.Id), hits.Select(h => h.Chunk.Id));
    }
}
