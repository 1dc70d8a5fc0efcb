namespace Vigil.ThreatModel.Knowledge;

/// <summary>
/// A lexicon entry from <c>lexicon/technologies.yaml</c> or <c>lexicon/actors.yaml</c>: words that name a kind of element.
/// </summary>
public sealed class TermDefinition
{
    public List<string> Match { get; set; } = [];

    /// <summary>The element to create when the sentence names none of its own; empty = only a technology of the nearby element.</summary>
    public string? Element { get; set; }

    public string Kind { get; set; } = "service";
    public string? Technology { get; set; }
    public string? Boundary { get; set; }
}
