namespace Vigil.ChatAgent.Conversation.Diagrams;

/// <summary>The diagram could not be drawn; the message says why in words a user can act on.</summary>
public sealed class DiagramUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
