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

    /// <summary>The evidence source of a message (<c>channel/ts</c>), or of a file in it (<c>channel/ts/name</c>).</summary>
    public static string Source(ConversationRef message, string? fileName = null) =>
        fileName is null ? $"{message.Channel}/{message.Message}" : $"{message.Channel}/{message.Message}/{fileName}";

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

    /// <summary>Splits an ingestion thread key back into its parts.</summary>
    public static (string Workspace, string Channel, string? Thread) Parse(string threadKey)
    {
        var parts = threadKey.Split('/', 3);
        return parts.Length == 3 ? (parts[0], parts[1], parts[2] == "-" ? null : parts[2]) : (threadKey, "", null);
    }
}
