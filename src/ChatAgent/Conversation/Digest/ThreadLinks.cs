namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>Links to design threads through a channel's own links, so the digest stays free of any platform.</summary>
public static class ThreadLinks
{
    /// <summary>
    /// A resolver for thread keys (<c>workspace/channel/thread</c>) that asks <paramref name="channel"/> for a link to
    /// the thread's first message. Channel-level designs (thread <c>-</c>) have no message to link to.
    /// </summary>
    public static Func<string, CancellationToken, Task<string?>> Through(IConversationChannel channel) =>
        (threadKey, cancellationToken) =>
        {
            var thread = threadKey[(threadKey.LastIndexOf('/') + 1)..];
            var rest = threadKey[..Math.Max(threadKey.LastIndexOf('/'), 0)];
            var slash = rest.LastIndexOf('/');
            if (thread is "-" or "" || slash <= 0)
            {
                return Task.FromResult<string?>(null);
            }

            var where = new ConversationRef(channel.Platform, rest[..slash], rest[(slash + 1)..], thread, thread);
            return channel.LinkAsync(where, cancellationToken);
        };
}
