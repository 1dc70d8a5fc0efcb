using System.Text;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// The model as a Mermaid flowchart: trust boundaries as subgraphs, shapes by element kind, flows as labelled
/// edges; cleartext flows are dotted, red and labelled so nobody misses them.
/// </summary>
internal static class DataFlowDiagram
{
    private const string CleartextStyle = "stroke:#d32f2f,stroke-width:2px,color:#d32f2f";

    public static string Build(SystemModel model)
    {
        var ids = new NodeIds();
        var sb = new StringBuilder();
        sb.Append("flowchart LR\n");

        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var boundary in model.Boundaries)
        {
            var members = boundary.Members.Where(m => placed.Add(m)).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            sb.Append("    subgraph ").Append(ids.Of("tb_", boundary.Id))
                .Append("[\"").Append(MermaidText.Label(boundary.Name)).Append("\"]\n");
            foreach (var member in members)
            {
                sb.Append("        ").Append(Node(ids, member, model.FindElement(member))).Append('\n');
            }

            sb.Append("    end\n");
        }

        foreach (var element in model.Elements.Where(e => placed.Add(e.Id)))
        {
            sb.Append("    ").Append(Node(ids, element.Id, element)).Append('\n');
        }

        var cleartext = new List<int>();
        for (var i = 0; i < model.Flows.Count; i++)
        {
            var flow = model.Flows[i];
            var isCleartext = flow.Encrypted == false;
            if (isCleartext)
            {
                cleartext.Add(i);
            }

            var label = EdgeLabel(flow);
            sb.Append("    ").Append(ids.Of("n_", flow.Source))
                .Append(isCleartext ? " -.->" : " -->")
                .Append(label.Length == 0 ? " " : $"|\"{MermaidText.Label(label)}\"| ")
                .Append(ids.Of("n_", flow.Target)).Append('\n');
        }

        if (cleartext.Count > 0)
        {
            sb.Append("    linkStyle ").Append(string.Join(',', cleartext)).Append(' ').Append(CleartextStyle).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>What travels and how: "HTTP: card data · auth: none · ⚠ cleartext"; empty when nothing was said.</summary>
    public static string EdgeLabel(DataFlow flow)
    {
        var parts = new List<string> { What(flow) };
        if (!string.IsNullOrWhiteSpace(flow.Authentication))
        {
            parts.Add($"auth: {flow.Authentication}");
        }

        if (flow.Encrypted == false)
        {
            parts.Add("⚠ cleartext");
        }

        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    /// <summary>What travels: "HTTP: card data", "card data", "HTTP", or empty when nothing was said.</summary>
    public static string What(DataFlow flow)
    {
        var data = string.Join(", ", flow.Data);
        return (flow.Protocol, data) switch
        {
            ({ Length: > 0 } p, { Length: > 0 } d) => $"{p}: {d}",
            ({ Length: > 0 } p, _) => p,
            (_, { Length: > 0 } d) => d,
            _ => "",
        };
    }

    private static string Node(NodeIds ids, string elementId, Element? element)
    {
        var id = ids.Of("n_", elementId);
        var label = MermaidText.Label(element?.Name ?? elementId);
        var (open, close) = Shape(element?.Kind);
        return $"{id}{open}\"{label}\"{close}";
    }

    private static (string Open, string Close) Shape(ElementKind? kind) => kind switch
    {
        ElementKind.Actor => ("([", "])"),
        ElementKind.DataStore => ("[(", ")]"),
        ElementKind.Queue => ("[/", "/]"),
        ElementKind.ExternalService => ("[[", "]]"),
        ElementKind.ClientApp => ("(", ")"),
        ElementKind.Device => ("{{", "}}"),
        _ => ("[", "]"),
    };

    /// <summary>Gives each model id one Mermaid id, even when two ids only differ in punctuation.</summary>
    private sealed class NodeIds
    {
        private readonly Dictionary<string, string> byKey = new(StringComparer.Ordinal);
        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        public string Of(string prefix, string raw)
        {
            var key = prefix + "\0" + raw;
            if (byKey.TryGetValue(key, out var id))
            {
                return id;
            }

            var candidate = MermaidText.Id(prefix, raw);
            id = candidate;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{candidate}_{n}";
            }

            byKey[key] = id;
            return id;
        }
    }
}
