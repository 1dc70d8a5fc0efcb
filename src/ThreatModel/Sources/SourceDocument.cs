namespace Vigil.ThreatModel.Sources;

/// <summary>One input the extractors read, in the order it was said.</summary>
/// <param name="Id">Source id carried into evidence, e.g. <c>thread.json#4</c> or <c>openapi.yaml</c>.</param>
/// <param name="Order">Position in the conversation; a later source overrides earlier decisions.</param>
public sealed record SourceDocument(string Id, SourceKind Kind, string Text, int Order, string? Author = null);
