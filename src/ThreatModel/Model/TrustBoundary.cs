namespace Vigil.ThreatModel.Model;

/// <summary>A trust zone and the elements inside it.</summary>
public sealed record TrustBoundary(string Id, string Name, BoundaryKind Kind, IReadOnlyList<string> Members);
