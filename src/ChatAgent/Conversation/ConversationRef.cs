namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// Where something was said, on any platform: the workspace (Slack team, Teams tenant), the channel, the thread
/// (the parent message's id; null for a top-level post) and the message itself.
/// </summary>
public sealed record ConversationRef(string Platform, string Workspace, string Channel, string? Thread = null, string? Message = null)
{
    /// <summary>The thread this message belongs to: its own thread, or the thread it starts.</summary>
    public ConversationRef InThread() => this with { Thread = Thread ?? Message, Message = null };
}
