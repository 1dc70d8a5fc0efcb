using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Queue;

/// <summary>What an adapter, the CLI or a watched folder hands to the inbox.</summary>
/// <param name="Content">The message text as UTF-8, or the file's bytes.</param>
public sealed record IngestRequest(ItemKind Kind, ChunkScope Scope, string Source, ReadOnlyMemory<byte> Content, string? FileName = null, string? Author = null)
{
    public static IngestRequest Message(ChunkScope scope, string source, string text, string? author = null) =>
        new(ItemKind.Message, scope, source, System.Text.Encoding.UTF8.GetBytes(text), Author: author);

    public static IngestRequest File(ChunkScope scope, string fileName, ReadOnlyMemory<byte> bytes, string? source = null) =>
        new(ItemKind.File, scope, source ?? fileName, bytes, fileName);
}
