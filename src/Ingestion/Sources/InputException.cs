namespace Vigil.Ingestion.Sources;

/// <summary>Why one input cannot be read; the loader adds the path.</summary>
public sealed class InputException(string reason) : Exception(reason);
