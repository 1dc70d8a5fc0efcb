using System.Text;

namespace Vigil.ThreatModel.Export;

/// <summary>Appends lines ending in "\n" on every OS, so reports are byte-identical wherever they are made.</summary>
internal static class MarkdownLines
{
    public static StringBuilder Line(this StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}
