namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// What the core reads back from a platform: a shared file's bytes, a whole thread (one that began before Vigil was
/// there), and whether a channel is private. Implemented by each adapter next to its <see cref="IConversationChannel"/>.
/// </summary>
public interface IConversationSource
{
    string Platform { get; }

    /// <summary>Downloads a file shared in a conversation, within <paramref name="maxBytes"/>.</summary>
    Task<SharedFile> FetchFileAsync(ConversationRef where, string fileId, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Every message of a thread, the parent first.</summary>
    Task<IReadOnlyList<ThreadMessage>> ThreadAsync(ConversationRef thread, CancellationToken cancellationToken);

    /// <summary>Whether only members can read the channel; when unsure, true (text must never leak out of a private channel).</summary>
    Task<bool> IsPrivateAsync(ConversationRef where, CancellationToken cancellationToken);
}

/// <summary>A downloaded file.</summary>
/// <param name="PlatformTranscript">The platform's own transcript of a voice clip, when it made one (Slack does).</param>
public sealed record SharedFile(string Name, byte[] Content, string? PlatformTranscript = null);

/// <summary>A message read back from a thread, with the ids of the files it carries.</summary>
public sealed record ThreadMessage(ConversationRef Where, string Author, string Text, IReadOnlyList<string> FileIds);
