using System.Text.Json;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

/// <summary>
/// The structural requirements of OWASP Threat Dragon's v2 model schema
/// (owasp.threat-dragon.schema.V2.json): required keys and value types, checked by hand.
/// </summary>
internal static class ThreatDragonV2Shape
{
    public static void AssertValid(JsonElement root)
    {
        Require(root, "version", JsonValueKind.String);
        Assert.True(root.GetProperty("version").GetString()!.Length <= 10, "version is at most 10 characters");

        var summary = Require(root, "summary", JsonValueKind.Object);
        Require(summary, "title", JsonValueKind.String);
        Optional(summary, "owner", JsonValueKind.String);
        Optional(summary, "description", JsonValueKind.String);
        if (summary.TryGetProperty("id", out var id))
        {
            Assert.True(id.TryGetInt32(out var n) && n >= 0, "summary.id is an integer >= 0");
        }

        var detail = Require(root, "detail", JsonValueKind.Object);
        Require(detail, "contributors", JsonValueKind.Array);
        NonNegativeInteger(detail, "diagramTop");
        Require(detail, "reviewer", JsonValueKind.String);
        NonNegativeInteger(detail, "threatTop");

        foreach (var diagram in Require(detail, "diagrams", JsonValueKind.Array).EnumerateArray())
        {
            Assert.True(Require(diagram, "diagramType", JsonValueKind.String).GetString()!.Length >= 3, "diagramType has at least 3 characters");
            NonNegativeInteger(diagram, "id");
            Require(diagram, "thumbnail", JsonValueKind.String);
            Require(diagram, "title", JsonValueKind.String);
            Assert.True(Require(diagram, "version", JsonValueKind.String).GetString()!.Length <= 10);
            foreach (var cell in Require(diagram, "cells", JsonValueKind.Array).EnumerateArray())
            {
                AssertValidCell(cell);
            }
        }
    }

    private static void AssertValidCell(JsonElement cell)
    {
        Assert.True(Require(cell, "id", JsonValueKind.String).GetString()!.Length >= 2, "cell id has at least 2 characters");
        Require(cell, "shape", JsonValueKind.String);
        Assert.True(Require(cell, "zIndex", JsonValueKind.Number).TryGetInt32(out _), "zIndex is an integer");

        if (cell.TryGetProperty("position", out var position))
        {
            Require(position, "x", JsonValueKind.Number);
            Require(position, "y", JsonValueKind.Number);
        }

        if (cell.TryGetProperty("size", out var size))
        {
            Assert.True(Require(size, "width", JsonValueKind.Number).GetDouble() >= 10);
            Assert.True(Require(size, "height", JsonValueKind.Number).GetDouble() >= 10);
        }

        if (cell.TryGetProperty("attrs", out var attrs) && attrs.TryGetProperty("line", out var line))
        {
            Assert.True(line.TryGetProperty("targetMarker", out _), "attrs.line.targetMarker is required");
        }

        if (!cell.TryGetProperty("data", out var data))
        {
            return;
        }

        Require(data, "hasOpenThreats", JsonValueKind.True, JsonValueKind.False);
        Require(data, "name", JsonValueKind.String);
        Require(data, "type", JsonValueKind.String);
        foreach (var flag in new[] { "outOfScope", "isEncrypted", "isPublicNetwork", "isTrustBoundary", "isBidirectional", "storesCredentials", "handlesCardPayment" })
        {
            Optional(data, flag, JsonValueKind.True, JsonValueKind.False);
        }

        Optional(data, "protocol", JsonValueKind.String);
        Optional(data, "description", JsonValueKind.String);
        if (!data.TryGetProperty("threats", out var threats))
        {
            return;
        }

        foreach (var threat in threats.EnumerateArray())
        {
            foreach (var key in new[] { "description", "mitigation", "severity", "status", "title", "type" })
            {
                Require(threat, key, JsonValueKind.String);
            }

            Optional(threat, "modelType", JsonValueKind.String);
            Optional(threat, "score", JsonValueKind.String);
            if (threat.TryGetProperty("number", out _))
            {
                NonNegativeInteger(threat, "number");
            }
        }
    }

    private static JsonElement Require(JsonElement parent, string key, params JsonValueKind[] kinds)
    {
        Assert.True(parent.TryGetProperty(key, out var value), $"missing required \"{key}\" in {Abbreviate(parent)}");
        Assert.True(kinds.Contains(value.ValueKind), $"\"{key}\" is {value.ValueKind}, expected {string.Join(" or ", kinds)}");
        return value;
    }

    private static void Optional(JsonElement parent, string key, params JsonValueKind[] kinds)
    {
        if (parent.TryGetProperty(key, out var value))
        {
            Assert.True(kinds.Contains(value.ValueKind), $"\"{key}\" is {value.ValueKind}, expected {string.Join(" or ", kinds)}");
        }
    }

    private static void NonNegativeInteger(JsonElement parent, string key) =>
        Assert.True(Require(parent, key, JsonValueKind.Number).TryGetInt32(out var n) && n >= 0, $"\"{key}\" is an integer >= 0");

    private static string Abbreviate(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
