using Vigil.Retrieval.Index;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// The one mapping between a conversation and the ingestion side: a Slack thread and its messages become a design
/// record (thread key), index scopes and evidence sources. Top-level messages start their own thread, as in Slack,
/// where the first reply turns a message into a thread parent.
/// </summary>
public static class Places
{
    /// <summary>The ingestion thread key (<c>workspace/channel/thread</c>) of the thread a message belongs to.</summary>
    public static string ThreadKey(ConversationRef where) => $"{where.Workspace}/{where.Channel}/{where.InThread().Thread ?? "-"}";

    public static ChunkScope Scope(ConversationRef where, bool privateChannel) =>
        new(where.Workspace, where.Channel, where.InThread().Thread, where.Message, privateChannel);

    /// <summary>The evidence source of a message: <c>channel/ts</c>.</summary>
    public static string Source(ConversationRef message) => $"{message.Channel}/{message.Message}";

    /// <summary>
    /// The evidence source of a shared file: <c>channel/ts/name</c> under the message that carried it (so deleting the
    /// message forgets the file too), or <c>channel/file-id/name</c> when no message is known (two files of the same
    /// name stay apart).
    /// </summary>
    public static string FileSource(ConversationRef where, string fileId, string fileName) =>
        where.Message is null ? $"{where.Channel}/{fileId}/{fileName}" : $"{where.Channel}/{where.Message}/{fileName}";

    /// <summary>The message an evidence source points to, when it is one of ours.</summary>
    public static ConversationRef? MessageOf(string source, string platform, string workspace)
    {
        var parts = source.Split('/', 3);
        return parts.Length >= 2 && parts[0].Length > 0 && parts[1].Length > 0 && char.IsDigit(parts[1][0])
            ? new ConversationRef(platform, workspace, parts[0], Message: parts[1])
            : null;
    }

    /// <summary>The inbox key under which a shared file is fetched once, however many events (or a thread read back) mention it.</summary>
    public static string FileKey(string workspace, string fileId) => $"file:{workspace}:{fileId}";
}
