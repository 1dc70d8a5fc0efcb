using System.Numerics.Tensors;
using Vigil.Retrieval.Embeddings;

namespace Vigil.Retrieval.Tests.Embeddings;

public sealed class MiniLmEmbeddingGeneratorTests
{
    private static readonly MiniLmEmbeddingGenerator Generator = new();

    private static async Task<float[][]> EmbedAsync(params string[] texts) =>
        (await Generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Vector.ToArray()).ToArray();

    [Fact]
    public async Task Vectors_have_the_model_dimensions_and_unit_length()
    {
        var vectors = await EmbedAsync("the webhook handler verifies the HMAC signature", "x");

        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(TensorPrimitives.Norm(v), 0.999f, 1.001f));
    }

    [Fact]
    public async Task A_paraphrase_is_closer_than_an_unrelated_sentence()
    {
        var v = await EmbedAsync(
            "we don't check the signature on incoming webhooks",
            "webhook payloads are accepted without verifying who signed them",
            "the nightly job exports invoices to the data warehouse");

        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.2f);
    }

    [Fact]
    public async Task A_batch_gives_the_same_vectors_as_one_text_at_a_time()
    {
        string[] texts = ["short", "a much longer sentence about the payments service calling the ledger over plain http"];

        var batched = await EmbedAsync(texts);
        var single = new[] { (await EmbedAsync(texts[0]))[0], (await EmbedAsync(texts[1]))[0] };

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.CosineSimilarity(batched[i], single[i]) > 0.9999f);
        }
    }
}
