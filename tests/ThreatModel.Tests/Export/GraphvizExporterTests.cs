using System.Text.Json;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Tests.Extraction.Text;

namespace Vigil.ThreatModel.Tests.Export;

public sealed class GraphvizExporterTests
{
    // Threads whose text alone names flows (the others need their design doc or OpenAPI file for that).
    public static TheoryData<string> CorpusThreads => new("01-payments-webhook", "03-upload-thumbnails-bucket", "07-multitenant-postgres", "10-kafka-order-consumer", "11-iot-mqtt-firmware");

    [Theory]
    [MemberData(nameof(CorpusThreads))]
    public void Dot_names_every_element_and_flow_of_a_model_read_from_a_corpus_thread(string design)
    {
        var model = ModelOfThread(design);

        var dot = GraphvizExporter.Build(model);

        Assert.NotEmpty(model.Elements);
        Assert.NotEmpty(model.Flows);
        Assert.All(model.Elements, e => Assert.Contains($"\"n:{e.Id}\" [label={GraphvizExporter.Quote(e.Name)}, shape=", dot));
        Assert.All(model.Flows, f =>
        {
            var label = DataFlowDiagram.EdgeLabel(f);
            Assert.Contains($"\"n:{f.Source}\" -> \"n:{f.Target}\"{(label.Length == 0 ? "" : $" [label={GraphvizExporter.Quote(label)}")}", dot);
        });
        Assert.Equal(model.Flows.Count, dot.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Quotes_and_backslashes_in_names_are_escaped_so_labels_stay_closed()
    {
        var model = PaymentsDesign.Model() with
        {
            Elements = [new Element("ledger", "The \"legacy\" \\N ledger\"]; evil [shape=none", ElementKind.DataStore, [], [], null, [])],
            Boundaries = [],
            Flows = [],
        };

        var dot = GraphvizExporter.Build(model);

        var node = Assert.Single(dot.Split('\n'), l => l.Contains("\"n:ledger\"", StringComparison.Ordinal));
        Assert.Equal("    \"n:ledger\" [label=\"The \\\"legacy\\\" \\\\N ledger\\\"]; evil [shape=none\", shape=cylinder];", node);
        Assert.DoesNotContain("\nevil", dot);
    }

    [Fact]
    public void Line_breaks_in_a_name_cannot_start_a_new_statement()
    {
        var model = PaymentsDesign.Model() with
        {
            Elements = [new Element("svc", "svc\n}\ndigraph x {", ElementKind.Service, [], [], null, [])],
            Boundaries = [],
            Flows = [],
        };

        var dot = GraphvizExporter.Build(model);

        Assert.Contains("[label=\"svc } digraph x {\", shape=box]", dot);
        Assert.Equal(1, dot.Split('\n').Count(l => l.StartsWith('}')));
    }

    [Fact]
    public void Trust_boundaries_are_clusters_holding_their_members()
    {
        var dot = new GraphvizExporter().Export(PaymentsDesign.Analysis());

        Assert.StartsWith("digraph \"Brightcart payments\" {\n", dot);
        Assert.Contains(
            "    subgraph \"cluster_1_cloudnetwork\" {\n        label=\"Cloud network\";\n        style=\"dashed,rounded\";\n        color=\"#757575\";\n"
            + "        \"n:payments-svc\" [label=\"payments-svc\", shape=box];\n        \"n:postgres\" [label=\"postgres\", shape=cylinder];\n    }\n",
            dot);
    }

    [Fact]
    public void Element_shapes_follow_their_kind()
    {
        var dot = GraphvizExporter.Build(PaymentsDesign.Model());

        Assert.Contains("\"n:buyer\" [label=\"buyer\", shape=box, style=\"rounded,bold\"]", dot);
        Assert.Contains("\"n:paynova\" [label=\"PayNova\", shape=box, peripheries=2]", dot);
        Assert.Contains("\"n:postgres\" [label=\"postgres\", shape=cylinder]", dot);
    }

    [Fact]
    public void Cleartext_flows_are_red_and_dashed_and_others_are_plain()
    {
        var dot = GraphvizExporter.Build(PaymentsDesign.Model());

        Assert.Contains(
            "\"n:paynova\" -> \"n:payments-svc\" [label=\"HTTP: payment events · auth: none · ⚠ cleartext\", color=\"#d32f2f\", fontcolor=\"#d32f2f\", style=dashed, penwidth=2];",
            dot);
        Assert.Contains("\"n:buyer\" -> \"n:payments-svc\" [label=\"HTTPS: card data · auth: session\"];", dot);
    }

    [Fact]
    public void A_flow_endpoint_without_an_element_still_gets_a_node()
    {
        var model = PaymentsDesign.Model() with { Flows = [new DataFlow("x", "payments-svc", "audit-log", null, [], null, null, [])] };

        var dot = GraphvizExporter.Build(model);

        Assert.Contains("\"n:audit-log\" [label=\"audit-log\", shape=box, style=dashed];", dot);
        Assert.Contains("\"n:payments-svc\" -> \"n:audit-log\";", dot);
    }

    [Fact]
    public void Dot_is_a_report_format()
    {
        IReportExporter exporter = new GraphvizExporter();

        Assert.Equal(("dot", ".dot"), (exporter.Format, exporter.FileExtension));
    }

    private static SystemModel ModelOfThread(string design)
    {
        using var thread = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, design, "thread.json")));
        return ThreadReader.Read([.. thread.RootElement.EnumerateArray().Select(m => m.GetProperty("text").GetString()!)]);
    }
}
