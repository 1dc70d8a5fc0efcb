using System.Text.Json;
using Vigil.ThreatModel.Export;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

public sealed class ThreatDragonExporterTests
{
    [Fact]
    public void Model_meets_the_threat_dragon_v2_schema_requirements()
    {
        using var json = Export(PaymentsDesign.Analysis());

        ThreatDragonV2Shape.AssertValid(json.RootElement);
        Assert.StartsWith("2.", json.RootElement.GetProperty("version").GetString());
        var diagram = json.RootElement.GetProperty("detail").GetProperty("diagrams")[0];
        Assert.Equal("STRIDE", diagram.GetProperty("diagramType").GetString());
        Assert.Equal("./public/content/images/thumbnail.stride.jpg", diagram.GetProperty("thumbnail").GetString());
        Assert.Equal("Brightcart payments", json.RootElement.GetProperty("summary").GetProperty("title").GetString());
    }

    [Fact]
    public void Every_element_flow_and_boundary_has_a_cell_of_the_right_shape()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var cells = Cells(json);

        Assert.Equal("actor", CellNamed(cells, "buyer").GetProperty("shape").GetString());
        Assert.Equal("process", CellNamed(cells, "payments-svc").GetProperty("shape").GetString());
        Assert.Equal("actor", CellNamed(cells, "PayNova").GetProperty("shape").GetString());
        Assert.Equal("store", CellNamed(cells, "postgres").GetProperty("shape").GetString());
        Assert.Equal("tm.Store", CellNamed(cells, "postgres").GetProperty("data").GetProperty("type").GetString());
        Assert.Equal(3, cells.Count(c => c.GetProperty("shape").GetString() == "flow"));
        Assert.Equal(3, cells.Count(c => c.GetProperty("shape").GetString() == "trust-boundary-box"));
        Assert.Equal(cells.Count, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public void Flows_connect_the_cells_of_their_elements_and_say_how_data_travels()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var cells = Cells(json);

        var webhook = cells.Single(c => c.GetProperty("shape").GetString() == "flow"
            && c.GetProperty("data").GetProperty("protocol").GetString() == "HTTP");
        Assert.Equal(CellNamed(cells, "PayNova").GetProperty("id").GetString(), webhook.GetProperty("source").GetProperty("cell").GetString());
        Assert.Equal(CellNamed(cells, "payments-svc").GetProperty("id").GetString(), webhook.GetProperty("target").GetProperty("cell").GetString());
        var data = webhook.GetProperty("data");
        Assert.Equal("tm.Flow", data.GetProperty("type").GetString());
        Assert.False(data.GetProperty("isEncrypted").GetBoolean());
        Assert.True(data.GetProperty("isPublicNetwork").GetBoolean());

        var toDatabase = cells.Single(c => c.GetProperty("shape").GetString() == "flow"
            && c.GetProperty("data").GetProperty("protocol").GetString() == "postgres");
        Assert.False(toDatabase.GetProperty("data").GetProperty("isPublicNetwork").GetBoolean());
    }

    [Fact]
    public void Threats_are_attached_to_the_cell_of_the_element_or_flow_they_are_about()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var cells = Cells(json);

        var webhookFlow = cells.Single(c => c.GetProperty("shape").GetString() == "flow"
            && c.GetProperty("data").GetProperty("protocol").GetString() == "HTTP");
        var threat = Assert.Single(webhookFlow.GetProperty("data").GetProperty("threats").EnumerateArray());
        Assert.Equal("PayNova webhook is accepted without proof it came from PayNova", threat.GetProperty("title").GetString());
        Assert.Equal("Spoofing", threat.GetProperty("type").GetString());
        Assert.Equal("High", threat.GetProperty("severity").GetString());
        Assert.Equal("Open", threat.GetProperty("status").GetString());
        Assert.Equal("STRIDE", threat.GetProperty("modelType").GetString());
        Assert.Equal("9.3", threat.GetProperty("score").GetString());
        Assert.Contains("Serve the webhook over HTTPS only", threat.GetProperty("mitigation").GetString());
        Assert.True(webhookFlow.GetProperty("data").GetProperty("hasOpenThreats").GetBoolean());

        var postgres = CellNamed(cells, "postgres").GetProperty("data");
        Assert.Equal("Information disclosure", Assert.Single(postgres.GetProperty("threats").EnumerateArray()).GetProperty("type").GetString());
        Assert.True(postgres.GetProperty("storesCredentials").ValueKind is JsonValueKind.False);

        var service = CellNamed(cells, "payments-svc").GetProperty("data");
        Assert.Equal("NA", Assert.Single(service.GetProperty("threats").EnumerateArray()).GetProperty("status").GetString());
        Assert.False(service.GetProperty("hasOpenThreats").GetBoolean());
        Assert.Empty(CellNamed(cells, "buyer").GetProperty("data").GetProperty("threats").EnumerateArray());
    }

    [Fact]
    public void Threats_are_numbered_and_have_uuids_derived_from_finding_ids()
    {
        using var first = Export(PaymentsDesign.Analysis());
        using var second = Export(PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.Webhook()] });

        var threats = Threats(first);
        Assert.Equal([1, 2, 3], threats.Select(t => t.GetProperty("number").GetInt32()).Order());
        Assert.Equal(3, first.RootElement.GetProperty("detail").GetProperty("threatTop").GetInt32());
        Assert.All(threats, t => Assert.True(Guid.TryParse(t.GetProperty("id").GetString(), out _)));
        Assert.Equal(3, threats.Select(t => t.GetProperty("id").GetString()).Distinct().Count());

        var webhookId = Threats(second).Single().GetProperty("id").GetString();
        Assert.Contains(webhookId, threats.Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public void Elements_sit_inside_their_trust_boundary_box_without_overlapping()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var cells = Cells(json);

        var cloud = cells.Single(c => c.GetProperty("data").GetProperty("name").GetString() == "Cloud network");
        Assert.True(Inside(CellNamed(cells, "payments-svc"), cloud));
        Assert.True(Inside(CellNamed(cells, "postgres"), cloud));
        Assert.False(Inside(CellNamed(cells, "buyer"), cloud));

        var nodes = cells.Where(c => c.GetProperty("shape").GetString() is "actor" or "process" or "store").ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            for (var j = i + 1; j < nodes.Count; j++)
            {
                Assert.False(Overlap(nodes[i], nodes[j]), $"{Name(nodes[i])} overlaps {Name(nodes[j])}");
            }
        }
    }

    [Fact]
    public void System_wide_finding_is_listed_in_the_model_summary()
    {
        var systemWide = PaymentsDesign.RefundAudit() with { ComponentId = null, Component = "system", Title = "No incident response runbook" };
        var analysis = PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.Webhook(), systemWide] };

        using var json = Export(analysis);

        Assert.Contains("No incident response runbook", json.RootElement.GetProperty("summary").GetProperty("description").GetString());
        Assert.Single(Threats(json));
        Assert.Equal(1, json.RootElement.GetProperty("detail").GetProperty("threatTop").GetInt32());
    }

    private static JsonDocument Export(Analysis.AnalysisResult analysis) =>
        JsonDocument.Parse(new ThreatDragonExporter().Export(analysis));

    private static List<JsonElement> Cells(JsonDocument json) =>
        json.RootElement.GetProperty("detail").GetProperty("diagrams")[0].GetProperty("cells").EnumerateArray().ToList();

    private static List<JsonElement> Threats(JsonDocument json) =>
        Cells(json).Where(c => c.GetProperty("data").TryGetProperty("threats", out _))
            .SelectMany(c => c.GetProperty("data").GetProperty("threats").EnumerateArray()).ToList();

    private static JsonElement CellNamed(List<JsonElement> cells, string name) =>
        cells.Single(c => c.GetProperty("shape").GetString() != "flow" && Name(c) == name);

    private static string? Name(JsonElement cell) => cell.GetProperty("data").GetProperty("name").GetString();

    private static (double X, double Y, double W, double H) Box(JsonElement cell) => (
        cell.GetProperty("position").GetProperty("x").GetDouble(), cell.GetProperty("position").GetProperty("y").GetDouble(),
        cell.GetProperty("size").GetProperty("width").GetDouble(), cell.GetProperty("size").GetProperty("height").GetDouble());

    private static bool Inside(JsonElement node, JsonElement box)
    {
        var (x, y, w, h) = Box(node);
        var (bx, by, bw, bh) = Box(box);
        return x >= bx && y >= by && x + w <= bx + bw && y + h <= by + bh;
    }

    private static bool Overlap(JsonElement a, JsonElement b)
    {
        var (ax, ay, aw, ah) = Box(a);
        var (bx, by, bw, bh) = Box(b);
        return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
    }
}
