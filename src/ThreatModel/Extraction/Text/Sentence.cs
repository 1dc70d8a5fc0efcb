namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>A sentence (or a line of code) of a source, with its offset for evidence.</summary>
public sealed record Sentence(string Text, int Start, bool IsCode);
