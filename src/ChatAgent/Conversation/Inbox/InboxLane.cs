namespace Vigil.ChatAgent.Conversation.Inbox;

/// <summary>
/// The inbox's two lanes. What was said is handed to ingestion one event at a time, in arrival order; answers wait
/// for ingestion, so they run beside it and can never hold it up.
/// </summary>
public enum InboxLane
{
    Said,
    Answer,
}

public static class InboxLanes
{
    public static InboxLane Of(ConversationEvent e) =>
        e is BotMentioned or CommandInvoked or FindingStatusChanged or HomeOpened or BotJoined ? InboxLane.Answer : InboxLane.Said;
}
