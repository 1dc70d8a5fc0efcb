namespace Vigil.Retrieval.Index.Qdrant;

/// <summary>The Qdrant backend could not do what was asked; the message says which setting to check.</summary>
public sealed class QdrantIndexException(string message, Exception? innerException = null) : Exception(message, innerException);
