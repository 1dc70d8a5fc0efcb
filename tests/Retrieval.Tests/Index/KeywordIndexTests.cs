using Vigil.Retrieval.Index;
using static Vigil.Retrieval.Tests.Index.Scopes;
using static Vigil.Retrieval.Tests.Index.TempIndex;

namespace Vigil.Retrieval.Tests.Index;

public sealed class KeywordIndexTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<string[]> SearchAsync(string query, SearchScope scope) =>
        (await temp.Keywords.SearchAsync(query, scope, 10, Cancel)).Select(h => h.Chunk.Id).ToArray();

    private Task SeedAsync() => temp.Index.UpsertAsync(
    [
        Chunk("orders", General, "the consumer reads orders.v1 and commits offsets after processing", 1, 0),
        Chunk("hooks", General, "incoming webhooks are accepted without checking the HMAC signature", 0, 1),
        Chunk("secret", Security, "the webhooks signing secret is rotated by hand", 1, 1),
        Chunk("thread", General with { Thread = "t1" }, "in this thread the webhooks retry three times", 1, 0),
    ], Cancel);

    [Fact]
    public async Task Keyword_search_ranks_the_chunk_holding_the_rare_words_first()
    {
        await SeedAsync();

        Assert.Equal("orders", (await SearchAsync("who reads orders.v1?", AskedInGeneral))[0]);
    }

    [Fact]
    public async Task Keyword_search_never_returns_a_private_channels_chunks_to_another_channel_but_does_to_itself()
    {
        await SeedAsync();

        Assert.DoesNotContain("secret", await SearchAsync("webhooks signing secret", AskedInGeneral));
        Assert.Contains("secret", await SearchAsync("webhooks signing secret", AskedInSecurity));
        Assert.Empty(await SearchAsync("webhooks", new SearchScope("T2", "general")));
    }

    [Fact]
    public async Task Keyword_search_in_a_thread_only_returns_that_thread()
    {
        await SeedAsync();

        Assert.Equal(["thread"], await SearchAsync("webhooks", AskedInGeneral with { Thread = "t1" }));
    }

    [Fact]
    public async Task Deleted_and_rewritten_text_is_reflected_in_keyword_search()
    {
        await SeedAsync();

        await temp.Index.DeleteItemAsync("item-hooks", Cancel);
        await temp.Index.UpsertAsync([Chunk("orders", General, "billing consumes invoices.v2 now", 1, 0)], Cancel);

        Assert.DoesNotContain("hooks", await SearchAsync("HMAC signature", AskedInGeneral));
        Assert.Empty(await SearchAsync("orders.v1", AskedInGeneral));
        Assert.Equal(["orders"], await SearchAsync("invoices.v2", AskedInGeneral));
    }

    [Fact]
    public async Task Stemming_matches_another_form_of_the_word()
    {
        await SeedAsync();

        Assert.Contains("hooks", await SearchAsync("is the signature checked?", AskedInGeneral));
    }

    [Theory]
    [InlineData("what about \"webhooks\" AND -x?")]
    [InlineData("NEAR(webhooks signature, 2)")]
    [InlineData("webhooks OR NOT signature*")]
    [InlineData("^webhooks text:signature")]
    [InlineData("\"unbalanced quote")]
    [InlineData("( ) * - : ^ \" ''")]
    [InlineData("")]
    [InlineData("robert'); DROP TABLE chunks;--")]
    public async Task Any_user_text_is_a_valid_query(string question)
    {
        await SeedAsync();

        var hits = await temp.Keywords.SearchAsync(question, AskedInGeneral, 10, Cancel);

        Assert.All(hits, h => Assert.False(h.Chunk.Scope.PrivateChannel));
        Assert.Equal(4, await temp.Index.CountAsync(Cancel));
    }

    [Theory]
    [InlineData("what about \"webhooks\" AND -x?", "\"webhooks\" OR \"x\"")]
    [InlineData("who reads orders.v1?", "\"reads\" OR \"orders.v1\"")]
    [InlineData("NEAR(a b) OR c* col:x", "\"b\" OR \"c\" OR \"col:x\"")]
    [InlineData("Webhooks webhooks WEBHOOKS", "\"Webhooks\"")]
    [InlineData("the and or ? -", null)]
    public void User_text_becomes_quoted_terms_joined_by_OR(string question, string? expected)
    {
        Assert.Equal(expected, FtsQuery.From(question));
    }
}
