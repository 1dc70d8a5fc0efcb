using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Model;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

public sealed class MermaidExporterTests
{
    private readonly MermaidExporter exporter = new();

    [Fact]
    public void Quotes_and_markup_in_names_are_escaped_so_labels_stay_closed()
    {
        var model = PaymentsDesign.Model() with
        {
            Elements = [new Element("ledger", "The \"legacy\" <ledger> #1 `db` | [old]", ElementKind.DataStore, [], [], null, [])],
            Boundaries = [],
            Flows = [],
        };

        var diagram = exporter.Export(new Analysis.AnalysisResult(model, [], []));

        var node = Assert.Single(diagram.Split('\n'), l => l.Contains("n_ledger", StringComparison.Ordinal));
        Assert.Equal("    n_ledger[(\"The #quot;legacy#quot; #lt;ledger#gt; #35;1 #96;db#96; #124; [old]\")]", node);
        Assert.Equal(2, node.Count(c => c == '"'));
    }

    [Fact]
    public void Element_shapes_follow_their_kind()
    {
        var diagram = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("n_buyer([\"buyer\"])", diagram);
        Assert.Contains("n_payments_svc[\"payments-svc\"]", diagram);
        Assert.Contains("n_paynova[[\"PayNova\"]]", diagram);
        Assert.Contains("n_postgres[(\"postgres\")]", diagram);
    }

    [Fact]
    public void Trust_boundaries_are_subgraphs_holding_their_members()
    {
        var diagram = exporter.Export(PaymentsDesign.Analysis());

        Assert.StartsWith("flowchart LR\n", diagram);
        Assert.Contains("    subgraph tb_cloudnetwork[\"Cloud network\"]\n        n_payments_svc[\"payments-svc\"]\n        n_postgres[(\"postgres\")]\n    end\n", diagram);
    }

    [Fact]
    public void Flows_are_labelled_with_protocol_and_data_and_cleartext_is_dotted_and_red()
    {
        var diagram = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("n_buyer -->|\"HTTPS: card data · auth: session\"| n_payments_svc", diagram);
        Assert.Contains("n_paynova -.->|\"HTTP: payment events · auth: none · ⚠ cleartext\"| n_payments_svc", diagram);
        Assert.Contains("linkStyle 1 stroke:#d32f2f", diagram);
    }

    [Fact]
    public void Ids_that_are_mermaid_keywords_or_differ_only_in_punctuation_stay_distinct()
    {
        var model = PaymentsDesign.Model() with
        {
            Elements =
            [
                new Element("end", "end", ElementKind.Service, [], [], null, []),
                new Element("a-b", "a-b", ElementKind.Service, [], [], null, []),
                new Element("a.b", "a.b", ElementKind.Service, [], [], null, []),
            ],
            Boundaries = [],
            Flows = [new DataFlow("a.b->end", "a.b", "end", null, [], null, null, [])],
        };

        var diagram = exporter.Export(new Analysis.AnalysisResult(model, [], []));

        Assert.Contains("n_end[\"end\"]", diagram);
        Assert.Contains("n_a_b[\"a-b\"]", diagram);
        Assert.Contains("n_a_b_2[\"a.b\"]", diagram);
        Assert.Contains("    n_a_b_2 --> n_end\n", diagram);
    }

    [Fact]
    public void Flow_nobody_described_is_an_unlabelled_arrow()
    {
        var model = PaymentsDesign.Model() with
        {
            Flows = [new DataFlow("buyer->postgres", "buyer", "postgres", null, [], null, null, [])],
        };

        var diagram = exporter.Export(new Analysis.AnalysisResult(model, [], []));

        Assert.Contains("    n_buyer --> n_postgres\n", diagram);
        Assert.DoesNotContain("linkStyle", diagram);
    }

    [Fact]
    public void Markdown_report_embeds_the_same_diagram()
    {
        var analysis = PaymentsDesign.Analysis();

        var report = new MarkdownReportExporter().Export(analysis);

        Assert.Contains("```mermaid\n" + exporter.Export(analysis) + "```\n", report);
    }
}
