using System.Text.RegularExpressions;
using Vigil.ThreatModel.Export;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

public sealed partial class MarkdownReportExporterTests
{
    private readonly MarkdownReportExporter exporter = new();

    [Fact]
    public void Critical_findings_come_before_high_and_low_even_when_the_analysis_lists_them_otherwise()
    {
        var analysis = PaymentsDesign.Analysis() with
        {
            Findings = [PaymentsDesign.RefundAudit(), PaymentsDesign.CardData(), PaymentsDesign.Webhook()],
        };

        var report = exporter.Export(analysis);

        var critical = report.IndexOf("### Critical (1)", StringComparison.Ordinal);
        var high = report.IndexOf("### High (1)", StringComparison.Ordinal);
        var low = report.IndexOf("### Low (1)", StringComparison.Ordinal);
        Assert.True(critical >= 0 && critical < high && high < low, report);
        Assert.True(report.IndexOf("F-3c1a9e · PayNova webhook", StringComparison.Ordinal) < report.IndexOf("F-91e0c2 · Refunds", StringComparison.Ordinal));
        Assert.DoesNotContain("### Medium", report);
    }

    [Fact]
    public void Report_has_a_mermaid_diagram_with_one_subgraph_per_trust_boundary()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        var diagram = MermaidBlock().Match(report);
        Assert.True(diagram.Success, report);
        var subgraphs = diagram.Groups[1].Value.Split('\n').Where(l => l.TrimStart().StartsWith("subgraph ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, subgraphs.Count);
        Assert.Contains(subgraphs, s => s.Contains("[\"Cloud network\"]", StringComparison.Ordinal));
        Assert.True(report.IndexOf("## Data flow diagram", StringComparison.Ordinal) < diagram.Index);
    }

    [Fact]
    public void Evidence_quotes_are_blockquotes_with_their_source()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("> webhooks come in over plain http for now, no signature check yet\n>\n> — `thread.json#3`", report);
        Assert.Contains("> — `openapi.yaml`", report);
    }

    [Fact]
    public void Finding_shows_component_score_rationale_stride_cwe_capec_and_a_mitigation_checklist()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("- **Component:** PayNova → payments-svc (`paynova->payments-svc`)", report);
        Assert.Contains("- **Score:** 9.3 / 10 · critical · open", report);
        Assert.Contains("- **Why this score:** Internet-reachable, unauthenticated, and it moves money.", report);
        Assert.Contains("- **STRIDE:** Spoofing, Tampering", report);
        Assert.Contains("[CWE-345](https://cwe.mitre.org/data/definitions/345.html)", report);
        Assert.Contains("[CAPEC-148](https://capec.mitre.org/data/definitions/148.html)", report);
        Assert.Contains("- [ ] Verify the PayNova-Signature HMAC over the raw body", report);
    }

    [Fact]
    public void Summary_counts_findings_by_severity_and_names_the_top_open_risk()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("| Critical | 1 | 1 |", report);
        Assert.Contains("| Medium | 0 | 0 |", report);
        Assert.Contains("| Low | 0 | 1 |", report);
        Assert.Contains("**Top risk:** F-3c1a9e PayNova webhook is accepted without proof it came from PayNova", report);
    }

    [Fact]
    public void Pipes_and_backticks_in_a_title_do_not_break_the_compliance_table()
    {
        var tricky = PaymentsDesign.RefundAudit() with { Title = "Refund `--force` flag | skips `audit|log`" };
        var analysis = PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.Webhook(), tricky] };

        var report = exporter.Export(analysis);

        var table = report[report.IndexOf("| Framework | Control | Findings |", StringComparison.Ordinal)..]
            .Split('\n').TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(table.Count > 2);
        Assert.All(table, row => Assert.Equal(4, UnescapedPipes().Matches(row).Count));
        Assert.Contains(table, row => row.Contains("Refund \\`--force\\` flag \\| skips \\`audit\\|log\\`", StringComparison.Ordinal));
    }

    [Fact]
    public void Compliance_table_maps_each_control_to_its_findings_in_natural_order()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("| ISO/IEC 27001:2022 | 8.24 | F-3c1a9e PayNova webhook is accepted without proof it came from PayNova; F-7b20d4 Card numbers", report);
        Assert.True(report.IndexOf("| AU-2 |", StringComparison.Ordinal) < report.IndexOf("| AU-12 |", StringComparison.Ordinal));
        Assert.True(report.IndexOf("| NIST SP 800-53 Rev. 5 |", StringComparison.Ordinal) < report.IndexOf("| PCI DSS v4.0 |", StringComparison.Ordinal));
    }

    [Fact]
    public void Attack_paths_show_hops_by_name_with_their_weaknesses()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("1. **buyer → payments-svc → postgres** — reaches card data", report);
        Assert.Contains("   - no rate limiting on checkout", report);
        Assert.True(report.IndexOf("## Attack paths", StringComparison.Ordinal) < report.IndexOf("## Compliance", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_and_markdown_in_chat_text_are_shown_as_text()
    {
        var hostile = PaymentsDesign.CardData() with
        {
            Title = "<img src=x onerror=alert(1)> *bold* [link](http://evil)",
            Description = "# not a heading\n- not a list\n    not code",
        };
        var analysis = PaymentsDesign.Analysis() with { Findings = [hostile] };

        var report = exporter.Export(analysis);

        Assert.DoesNotContain("<img", report);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\[link\\](http://evil)", report);
        Assert.Contains("\n\\# not a heading\n\\- not a list\nnot code\n", report);
    }

    [Fact]
    public void Cleartext_flow_is_visibly_marked_in_the_diagram()
    {
        var report = exporter.Export(PaymentsDesign.Analysis());

        Assert.Contains("n_paynova -.->|\"HTTP: payment events · auth: none · ⚠ cleartext\"| n_payments_svc", report);
    }

    [Fact]
    public void Empty_analysis_still_renders_every_section()
    {
        var analysis = new Analysis.AnalysisResult(Model.SystemModel.Empty("blank"), [], []);

        var report = exporter.Export(analysis);

        Assert.Contains("No findings.", report);
        Assert.Contains("**Top risk:** none open.", report);
        Assert.Contains("```mermaid\nflowchart LR\n```", report);
        Assert.Contains("No finding maps to a compliance control.", report);
    }

    [GeneratedRegex(@"```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipes();
}
