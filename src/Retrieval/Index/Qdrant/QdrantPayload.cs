using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Vigil.Retrieval.Index.Qdrant;

/// <summary>
/// How a chunk is stored in a point's payload. The scope fields are the ones the search filter reads and that carry
/// payload indexes; the rest lets a hit be rebuilt as the <see cref="IndexedChunk"/> that was written.
/// </summary>
public static class QdrantPayload
{
    public const string ChunkId = "chunk_id";
    public const string ItemId = "item_id";
    public const string Workspace = "workspace";
    public const string Channel = "channel";
    public const string Private = "private";
    public const string Thread = "thread";
    public const string Message = "message";
    public const string Source = "source";
    public const string Text = "text";
    public const string Model = "model";

    /// <summary>The payload fields with a keyword index: every field a filter matches on except <see cref="Private"/> (a bool index).</summary>
    public static readonly IReadOnlyList<string> KeywordFields = [Workspace, Channel, Thread, ItemId];

    /// <param name="model">The embedding model's id, recorded so a collection written by another model can be refused.</param>
    public static PointStruct ToPoint(IndexedChunk chunk, string? model = null)
    {
        var point = new PointStruct { Id = QdrantPointIds.For(chunk.Id), Vectors = chunk.Vector.ToArray() };
        Write(chunk, point.Payload);
        if (model is not null)
        {
            point.Payload[Model] = model;
        }

        return point;
    }

    public static string? ModelOf(MapField<string, Value> payload) => Optional(payload, Model);

    public static void Write(IndexedChunk chunk, MapField<string, Value> payload)
    {
        payload[ChunkId] = chunk.Id;
        payload[ItemId] = chunk.ItemId;
        payload[Workspace] = chunk.Scope.Workspace;
        payload[Channel] = chunk.Scope.Channel;
        payload[Private] = chunk.Scope.PrivateChannel;
        // Absent rather than null: a thread filter must never match a chunk said outside any thread.
        if (chunk.Scope.Thread is { } thread)
        {
            payload[Thread] = thread;
        }

        if (chunk.Scope.Message is { } message)
        {
            payload[Message] = message;
        }

        payload[Source] = chunk.Source;
        payload[Text] = chunk.Text;
    }

    public static IndexedChunk ToChunk(MapField<string, Value> payload, ReadOnlyMemory<float> vector) =>
        new(
            Required(payload, ChunkId),
            Required(payload, ItemId),
            new ChunkScope(
                Required(payload, Workspace),
                Required(payload, Channel),
                Optional(payload, Thread),
                Optional(payload, Message),
                payload.TryGetValue(Private, out var isPrivate) && isPrivate.KindCase == Value.KindOneofCase.BoolValue && isPrivate.BoolValue),
            Required(payload, Source),
            Required(payload, Text),
            vector);

    private static string Required(MapField<string, Value> payload, string key) =>
        Optional(payload, key) ?? throw new QdrantIndexException($"A Qdrant point has no '{key}' in its payload: the collection holds points Vigil did not write.");

    private static string? Optional(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;
}
