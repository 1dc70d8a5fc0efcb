using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// Places each trust boundary as a box, left to right, with its elements on a grid inside (four to a column);
/// elements outside any boundary get a last column of their own. Nothing overlaps, nothing depends on chance.
/// </summary>
internal sealed class ThreatDragonLayout
{
    public const int NodeWidth = 160;
    public const int NodeHeight = 80;
    public const int ProcessSize = 100;

    private const int Margin = 40;
    private const int Padding = 30;
    private const int Header = 50;
    private const int CellWidth = NodeWidth + 40;
    private const int CellHeight = NodeHeight + 60;
    private const int RowsPerColumn = 4;
    private const int BoxGap = 80;

    private readonly Dictionary<string, Rect> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rect> boxes = new(StringComparer.Ordinal);

    public ThreatDragonLayout(SystemModel model)
    {
        var known = model.Elements.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var x = Margin;
        foreach (var boundary in model.Boundaries)
        {
            var members = boundary.Members.Where(m => known.Contains(m) && placed.Add(m)).ToList();
            var width = PlaceGroup(members, x);
            boxes[boundary.Id] = new Rect(x, Margin, width, Header + Rows(members.Count) * CellHeight + Padding);
            x += width + BoxGap;
        }

        PlaceGroup(model.Elements.Select(e => e.Id).Where(placed.Add).ToList(), x);
    }

    public Rect Node(string elementId) => nodes[elementId];

    public Rect? Box(string boundaryId) => boxes.TryGetValue(boundaryId, out var box) ? box : null;

    private static int Rows(int count) => Math.Clamp(count, 1, RowsPerColumn);

    private int PlaceGroup(IReadOnlyList<string> elementIds, int left)
    {
        for (var i = 0; i < elementIds.Count; i++)
        {
            var (column, row) = Math.DivRem(i, RowsPerColumn);
            nodes[elementIds[i]] = new Rect(left + Padding + column * CellWidth, Margin + Header + row * CellHeight, NodeWidth, NodeHeight);
        }

        var columns = Math.Max(1, (elementIds.Count + RowsPerColumn - 1) / RowsPerColumn);
        return 2 * Padding + columns * CellWidth - (CellWidth - NodeWidth);
    }

    public readonly record struct Rect(int X, int Y, int Width, int Height);
}
