using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Queue;

/// <summary>One message or file accepted for ingestion.</summary>
/// <param name="Id">Stable: derived from the scope, the message and the content hash, so the same content posted to the same place is one item.</param>
/// <param name="Source">Provenance carried into evidence, e.g. <c>C042/1712.0001</c> or <c>whiteboard.png</c>.</param>
/// <param name="Reason">Why it failed or waits; shown to the user.</param>
public sealed record IngestionItem(
    long Seq,
    string Id,
    string ContentHash,
    ItemKind Kind,
    ChunkScope Scope,
    string Source,
    string? FileName,
    string? Author,
    ItemStatus Status,
    int Attempts,
    string? Reason)
{
    /// <summary>The design record an item belongs to: its thread, or the channel for top-level posts and watched folders.</summary>
    public string ThreadKey => $"{Scope.Workspace}/{Scope.Channel}/{Scope.Thread ?? "-"}";
}

public enum ItemKind
{
    Message,
    File,
}
