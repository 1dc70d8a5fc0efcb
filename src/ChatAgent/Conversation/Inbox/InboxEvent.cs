namespace Vigil.ChatAgent.Conversation.Inbox;

/// <summary>An event taken from the inbox for processing; <paramref name="Attempts"/> counts this one.</summary>
public sealed record InboxEvent(long Seq, string DedupeKey, ConversationEvent Event, int Attempts);
