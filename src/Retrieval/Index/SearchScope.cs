namespace Vigil.Retrieval.Index;

/// <summary>
/// Where a question is asked, which decides what it may retrieve: text of the same workspace from public channels and
/// from the asking channel itself — never from another private channel. With <see cref="Thread"/>, only that thread.
/// Every backend enforces this inside its query, not by filtering results afterwards.
/// </summary>
public sealed record SearchScope(string Workspace, string Channel, string? Thread = null)
{
    /// <summary>Whether a chunk is visible from this scope; the rule every backend's query expresses.</summary>
    public bool CanSee(ChunkScope chunk) =>
        chunk.Workspace == Workspace
        && (!chunk.PrivateChannel || chunk.Channel == Channel)
        && (Thread is null || (chunk.Channel == Channel && chunk.Thread == Thread));
}
