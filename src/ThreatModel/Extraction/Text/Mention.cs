using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// A place in a sentence that names an element. A reference ("the bridge") names no element itself: it means a
/// component already named whose name ends in that word (<c>payroll-bridge</c>), and nothing when there is none.
/// </summary>
internal sealed record Mention(int Start, int End, string Name, ElementKind Kind, string? Technology, BoundaryKind? Boundary, bool IsNamed, bool IsReference = false)
{
    public int Center => (Start + End) / 2;
}
