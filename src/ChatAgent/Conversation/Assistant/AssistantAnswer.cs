using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>A reply and who should see it: a report or diagram is for the channel, a confirmation for the asker.</summary>
public sealed record AssistantAnswer(Reply Reply, bool ForChannel);
