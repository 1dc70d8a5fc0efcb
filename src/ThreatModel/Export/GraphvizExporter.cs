using System.Text;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// <c>--format dot</c>: the data flow diagram in Graphviz DOT, for rendering to an image (<c>dot -Tpng</c>) where
/// Mermaid is not drawn, such as a picture posted in Slack. Trust boundaries are clusters, shapes follow the
/// element kind, flows are labelled edges and cleartext flows are red and dashed, as in the Mermaid diagram.
/// </summary>
public sealed class GraphvizExporter : IReportExporter
{
    private const string Red = "#d32f2f";

    public string Format => "dot";

    public string FileExtension => ".dot";

    public string Export(AnalysisResult result) => Build(result.Model);

    public static string Build(SystemModel model)
    {
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(Quote(model.Name)).Append(" {\n");
        sb.Append("    graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=").Append(Quote(model.Name)).Append("];\n");
        sb.Append("    node [fontname=\"Helvetica\", fontsize=11];\n");
        sb.Append("    edge [fontname=\"Helvetica\", fontsize=9];\n");

        var placed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Boundaries.Count; i++)
        {
            var boundary = model.Boundaries[i];
            var members = boundary.Members.Where(placed.Add).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            // Graphviz draws a subgraph as a box only when its name starts with "cluster"; the index keeps names unique.
            sb.Append("    subgraph ").Append(Quote($"cluster_{i}_{boundary.Id}")).Append(" {\n");
            sb.Append("        label=").Append(Quote(boundary.Name)).Append(";\n");
            sb.Append("        style=\"dashed,rounded\";\n        color=\"#757575\";\n");
            foreach (var member in members)
            {
                sb.Append("        ").Append(Node(member, model.FindElement(member))).Append('\n');
            }

            sb.Append("    }\n");
        }

        foreach (var element in model.Elements.Where(e => placed.Add(e.Id)))
        {
            sb.Append("    ").Append(Node(element.Id, element)).Append('\n');
        }

        // A flow may name an endpoint the model has no element for; it still gets a node labelled by its id.
        foreach (var endpoint in model.Flows.SelectMany(f => new[] { f.Source, f.Target }).Where(placed.Add))
        {
            sb.Append("    ").Append(Node(endpoint, null)).Append('\n');
        }

        foreach (var flow in model.Flows)
        {
            sb.Append("    ").Append(NodeId(flow.Source)).Append(" -> ").Append(NodeId(flow.Target));
            var attributes = new List<string>();
            var label = DataFlowDiagram.EdgeLabel(flow);
            if (label.Length > 0)
            {
                attributes.Add($"label={Quote(label)}");
            }

            if (flow.Encrypted == false)
            {
                attributes.Add($"color=\"{Red}\", fontcolor=\"{Red}\", style=dashed, penwidth=2");
            }

            if (attributes.Count > 0)
            {
                sb.Append(" [").Append(string.Join(", ", attributes)).Append(']');
            }

            sb.Append(";\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>
    /// A DOT quoted string. Quotes and backslashes are escaped (a backslash would otherwise start an escape such as
    /// <c>\N</c> or <c>\l</c>), line breaks become spaces and other control characters are dropped, so a name can
    /// never close the string and inject attributes or nodes.
    /// </summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\r' or '\n' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // Quoted ids need no mangling: two model ids that differ only in punctuation stay two nodes.
    private static string NodeId(string elementId) => Quote($"n:{elementId}");

    private static string Node(string elementId, Element? element) =>
        $"{NodeId(elementId)} [label={Quote(element?.Name ?? elementId)}{Shape(element?.Kind)}];";

    private static string Shape(ElementKind? kind) => kind switch
    {
        ElementKind.Actor => ", shape=box, style=\"rounded,bold\"",
        ElementKind.Service => ", shape=box",
        ElementKind.DataStore => ", shape=cylinder",
        ElementKind.Queue => ", shape=parallelogram",
        ElementKind.ExternalService => ", shape=box, peripheries=2",
        ElementKind.ClientApp => ", shape=ellipse",
        ElementKind.Device => ", shape=hexagon",
        _ => ", shape=box, style=dashed",
    };
}
