namespace Vigil.ThreatModel.Knowledge;

/// <summary>A data lexicon entry: words that name a kind of data, its classification and tags.</summary>
public sealed class DataTermDefinition
{
    public string Name { get; set; } = "";
    public List<string> Match { get; set; } = [];
    public string Classification { get; set; } = "internal";
    public List<string> Tags { get; set; } = [];
}
