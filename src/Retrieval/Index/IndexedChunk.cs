namespace Vigil.Retrieval.Index;

/// <param name="Id">Stable id: the item's content hash and the chunk's position, so re-indexing an item overwrites its chunks.</param>
/// <param name="ItemId">The ingested item (message or file) the chunk came from.</param>
/// <param name="Source">Provenance shown with an answer, e.g. <c>thread#4</c> or <c>design.pdf p.3</c>.</param>
public sealed record IndexedChunk(string Id, string ItemId, ChunkScope Scope, string Source, string Text, ReadOnlyMemory<float> Vector);
