using Vigil.ChatAgent.Conversation;

namespace Vigil.ChatAgent.Slack.Inbound;

/// <summary>A neutral event made from a Slack payload, with the key that recognises its redeliveries.</summary>
/// <param name="Delay">How long the inbox holds it back (a fallback that a better-placed event should win against).</param>
public sealed record TranslatedEvent(string DedupeKey, ConversationEvent Event, TimeSpan Delay = default);
