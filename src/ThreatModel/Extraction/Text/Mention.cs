using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>A place in a sentence that names an element.</summary>
internal sealed record Mention(int Start, int End, string Name, ElementKind Kind, string? Technology, BoundaryKind? Boundary, bool IsNamed)
{
    public int Center => (Start + End) / 2;
}
