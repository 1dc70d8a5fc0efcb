namespace Vigil.ThreatModel.Model;

/// <summary>A component of the system: who or what takes part in a data flow.</summary>
/// <param name="Id">Stable identity derived from the canonical name (not from wording or order).</param>
/// <param name="Technologies">Technologies the team named for it (postgres, kafka, django, …).</param>
/// <param name="Boundary">The trust zone it lives in, when stated or implied by its kind.</param>
public sealed record Element(
    string Id,
    string Name,
    ElementKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Technologies,
    BoundaryKind? Boundary,
    IReadOnlyList<Evidence> Evidence);
