using Vigil.Retrieval.Index;
using Vigil.Retrieval.Index.Qdrant;

namespace Vigil.Retrieval.Tests.Index.Qdrant;

public sealed class QdrantPayloadTests
{
    [Fact]
    public void Point_ids_are_the_same_for_the_same_chunk_id_and_differ_otherwise()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => QdrantPointIds.For($"sha256:abc/{i}")).ToList();

        Assert.Equal(ids, Enumerable.Range(0, 10_000).Select(i => QdrantPointIds.For($"sha256:abc/{i}")));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('8', id.ToString()[14]));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("t1", "m7", true)]
    public void A_point_holds_the_chunk_as_written(string? thread, string? message, bool isPrivate)
    {
        var chunk = new IndexedChunk("c1", "item1", new ChunkScope("acme", "security", thread, message, isPrivate), "design.pdf p.3", "the text", TestVectors.Random(1));

        var point = QdrantPayload.ToPoint(chunk);
        var back = QdrantPayload.ToChunk(point.Payload, Written(point.Vectors.Vector));

        Assert.Equal(QdrantPointIds.For("c1"), Guid.Parse(point.Id.Uuid));
        Assert.Equal((chunk.Id, chunk.ItemId, chunk.Scope, chunk.Source, chunk.Text), (back.Id, back.ItemId, back.Scope, back.Source, back.Text));
        Assert.Equal(chunk.Vector.ToArray(), back.Vector.ToArray());
        Assert.Equal(thread is not null, point.Payload.ContainsKey(QdrantPayload.Thread));
    }

    [Fact]
    public void A_point_records_the_embedding_model_when_it_is_known()
    {
        var chunk = new IndexedChunk("c1", "item1", new ChunkScope("acme", "general"), "s", "t", TestVectors.Random(1));

        Assert.Equal("all-MiniLM-L6-v2", QdrantPayload.ModelOf(QdrantPayload.ToPoint(chunk, "all-MiniLM-L6-v2").Payload));
        Assert.Null(QdrantPayload.ModelOf(QdrantPayload.ToPoint(chunk).Payload));
    }

    // The client's float[] conversion may fill the older 'data' field (deprecated in the proto, hence obsolete in C#) or 'dense'.
#pragma warning disable CS0612, CS0618
    private static float[] Written(global::Qdrant.Client.Grpc.Vector vector) =>
        vector.VectorCase == global::Qdrant.Client.Grpc.Vector.VectorOneofCase.Dense ? vector.Dense.Data.ToArray() : vector.Data.ToArray();
#pragma warning restore CS0612, CS0618
}
