namespace Vigil.ChatAgent.Conversation;

/// <summary>The message Vigil meant to edit no longer exists (someone deleted it); the caller may post a new one.</summary>
public sealed class MessageGoneException(string message) : InvalidOperationException(message);
