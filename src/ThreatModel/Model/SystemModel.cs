namespace Vigil.ThreatModel.Model;

/// <summary>The living model of one design: what exists, how data moves, what protects it, all with evidence.</summary>
public sealed record SystemModel(
    string Name,
    int Version,
    IReadOnlyList<Element> Elements,
    IReadOnlyList<DataFlow> Flows,
    IReadOnlyList<TrustBoundary> Boundaries,
    IReadOnlyList<DataAsset> Data,
    IReadOnlyList<Fact> Facts)
{
    public static SystemModel Empty(string name) => new(name, 1, [], [], [], [], []);

    public Element? FindElement(string id) => Elements.FirstOrDefault(e => e.Id == id);
}
