using System.Text.Json.Nodes;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// Model parts as Threat Dragon v2 cells (its x6 graph format): elements as process/actor/store nodes,
/// flows as edges between them, boundaries as trust-boundary boxes. Field names follow Threat Dragon's
/// default entity properties so the editor shows every flag.
/// </summary>
internal static class ThreatDragonCells
{
    private const string OpenThreatColor = "red";
    private const string DefaultColor = "#333333";

    public static string ElementCellId(string elementId) => DeterministicUuid.From("vigil:element:" + elementId);

    public static JsonObject Boundary(TrustBoundary boundary, ThreatDragonLayout.Rect box) => new()
    {
        ["id"] = DeterministicUuid.From("vigil:boundary:" + boundary.Id),
        ["shape"] = "trust-boundary-box",
        ["zIndex"] = -1,
        ["visible"] = true,
        ["position"] = Position(box),
        ["size"] = Size(box),
        ["attrs"] = new JsonObject { ["headerText"] = new JsonObject { ["text"] = boundary.Name } },
        ["data"] = new JsonObject
        {
            ["type"] = "tm.BoundaryBox",
            ["name"] = boundary.Name,
            ["description"] = BoundaryNames.IsUntrusted(boundary.Kind) ? "Untrusted zone." : "",
            ["isTrustBoundary"] = true,
            ["hasOpenThreats"] = false,
        },
    };

    public static JsonObject Element(Element element, IReadOnlyList<DataAsset> data, ThreatDragonLayout.Rect place, JsonArray threats, int zIndex)
    {
        var (shape, type) = ShapeOf(element.Kind);
        var open = HasOpenThreats(threats);
        var rect = shape == "process"
            ? place with { X = place.X + (place.Width - ThreatDragonLayout.ProcessSize) / 2, Width = ThreatDragonLayout.ProcessSize, Height = ThreatDragonLayout.ProcessSize }
            : place;
        var stroke = new JsonObject
        {
            ["stroke"] = open ? OpenThreatColor : DefaultColor,
            ["strokeWidth"] = open ? 2.5 : 1,
            ["strokeDasharray"] = null,
        };
        var attrs = new JsonObject { ["text"] = new JsonObject { ["text"] = element.Name } };
        if (shape == "store")
        {
            attrs["topLine"] = stroke;
            attrs["bottomLine"] = stroke.DeepClone();
        }
        else
        {
            attrs["body"] = stroke;
        }

        var held = data.Where(d => d.HeldBy.Contains(element.Id, StringComparer.Ordinal)).SelectMany(d => d.Tags).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var details = new JsonObject
        {
            ["type"] = type,
            ["name"] = element.Name,
            ["description"] = Describe(element),
            ["outOfScope"] = false,
            ["reasonOutOfScope"] = "",
            ["isTrustBoundary"] = false,
            ["hasOpenThreats"] = open,
        };
        switch (type)
        {
            case "tm.Actor":
                details["providesAuthentication"] = false;
                break;
            case "tm.Process":
                details["handlesCardPayment"] = held.Contains("payment-card");
                details["handlesGoodsOrServices"] = false;
                details["isWebApplication"] = element.Kind == ElementKind.ClientApp;
                details["privilegeLevel"] = "";
                break;
            default:
                details["isALog"] = false;
                details["isEncrypted"] = false;
                details["isSigned"] = false;
                details["storesCredentials"] = held.Contains("credentials") || held.Contains("keys");
                details["storesInventory"] = false;
                break;
        }

        details["threats"] = threats;
        return new JsonObject
        {
            ["id"] = ElementCellId(element.Id),
            ["shape"] = shape,
            ["zIndex"] = zIndex,
            ["visible"] = true,
            ["position"] = Position(rect),
            ["size"] = Size(rect),
            ["attrs"] = attrs,
            ["data"] = details,
        };
    }

    public static JsonObject Flow(DataFlow flow, SystemModel model, JsonArray threats)
    {
        var open = HasOpenThreats(threats);
        var what = DataFlowDiagram.What(flow);
        var name = what.Length > 0 ? what : "Data flow";
        var untrusted = new[] { flow.Source, flow.Target }
            .Select(model.FindElement)
            .Any(e => e?.Boundary is { } b && BoundaryNames.IsUntrusted(b));
        return new JsonObject
        {
            ["id"] = DeterministicUuid.From("vigil:flow:" + flow.Id),
            ["shape"] = "flow",
            ["zIndex"] = 10,
            ["width"] = 200,
            ["height"] = 100,
            ["connector"] = "smooth",
            ["attrs"] = new JsonObject
            {
                ["line"] = new JsonObject
                {
                    ["stroke"] = open ? OpenThreatColor : DefaultColor,
                    ["strokeWidth"] = open ? 2.5 : 1,
                    ["targetMarker"] = new JsonObject { ["name"] = "block" },
                    ["sourceMarker"] = new JsonObject { ["name"] = "" },
                    ["strokeDasharray"] = null,
                },
            },
            ["labels"] = new JsonArray(Label(name)),
            ["source"] = End(flow.Source, model),
            ["target"] = End(flow.Target, model),
            ["vertices"] = new JsonArray(),
            ["data"] = new JsonObject
            {
                ["type"] = "tm.Flow",
                ["name"] = name,
                ["description"] = DescribeFlow(flow),
                ["outOfScope"] = false,
                ["reasonOutOfScope"] = "",
                ["isTrustBoundary"] = false,
                ["hasOpenThreats"] = open,
                ["isBidirectional"] = false,
                ["isEncrypted"] = flow.Encrypted == true,
                ["isPublicNetwork"] = untrusted,
                ["protocol"] = flow.Protocol ?? "",
                ["threats"] = threats,
            },
        };
    }

    private static (string Shape, string Type) ShapeOf(ElementKind kind) => kind switch
    {
        ElementKind.Actor or ElementKind.ExternalService or ElementKind.Device => ("actor", "tm.Actor"),
        ElementKind.DataStore or ElementKind.Queue => ("store", "tm.Store"),
        _ => ("process", "tm.Process"),
    };

    private static bool HasOpenThreats(JsonArray threats) =>
        threats.Any(t => (string?)t?["status"] == "Open");

    private static JsonObject End(string elementId, SystemModel model) =>
        model.FindElement(elementId) is null
            ? new JsonObject { ["x"] = 0, ["y"] = 0 }
            : new JsonObject { ["cell"] = ElementCellId(elementId) };

    private static JsonObject Label(string text) => new()
    {
        ["markup"] = new JsonArray(
            new JsonObject { ["tagName"] = "ellipse", ["selector"] = "labelBody" },
            new JsonObject { ["tagName"] = "text", ["selector"] = "labelText" }),
        ["attrs"] = new JsonObject
        {
            ["labelText"] = new JsonObject { ["text"] = text, ["textAnchor"] = "middle", ["textVerticalAnchor"] = "middle" },
            ["labelBody"] = new JsonObject { ["ref"] = "labelText", ["refRx"] = "50%", ["refRy"] = "60%", ["fill"] = "#fff", ["strokeWidth"] = 0 },
        },
        ["position"] = 0.5,
    };

    private static string Describe(Element element)
    {
        var parts = new List<string> { $"Kind: {element.Kind}." };
        if (element.Technologies.Count > 0)
        {
            parts.Add($"Technologies: {string.Join(", ", element.Technologies)}.");
        }

        if (element.Aliases.Count > 0)
        {
            parts.Add($"Also called: {string.Join(", ", element.Aliases)}.");
        }

        if (element.Boundary is { } boundary)
        {
            parts.Add($"Zone: {BoundaryNames.Of(boundary)}.");
        }

        return string.Join(' ', parts);
    }

    private static string DescribeFlow(DataFlow flow)
    {
        var encryption = flow.Encrypted switch
        {
            true => "encrypted in transit",
            false => "cleartext",
            null => "encryption not stated",
        };
        var data = flow.Data.Count > 0 ? string.Join(", ", flow.Data) : "unspecified data";
        var auth = string.IsNullOrWhiteSpace(flow.Authentication) ? "authentication not stated" : $"authentication: {flow.Authentication}";
        return $"Carries {data}; {encryption}; {auth}.";
    }

    private static JsonObject Position(ThreatDragonLayout.Rect r) => new() { ["x"] = r.X, ["y"] = r.Y };

    private static JsonObject Size(ThreatDragonLayout.Rect r) => new() { ["width"] = r.Width, ["height"] = r.Height };
}
