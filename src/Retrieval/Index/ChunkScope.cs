namespace Vigil.Retrieval.Index;

/// <summary>
/// Where a chunk was said. Every chunk carries its scope and every search names one, so text from a private channel
/// is never retrieved for someone asking elsewhere.
/// </summary>
public sealed record ChunkScope(string Workspace, string Channel, string? Thread = null, string? Message = null, bool PrivateChannel = false);
