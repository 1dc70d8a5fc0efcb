using System.Text.Json.Nodes;
using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Findings;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

public sealed class SarifReportExporterTests
{
    [Fact]
    public void Log_is_sarif_2_1_0_with_one_run_by_vigil()
    {
        var sarif = Export(PaymentsDesign.Analysis());

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", (string?)sarif["$schema"]);
        Assert.Equal("2.1.0", (string?)sarif["version"]);
        var run = Assert.Single(sarif["runs"]!.AsArray())!;
        Assert.Equal("Vigil", (string?)run["tool"]!["driver"]!["name"]);
        Assert.Equal(3, run["results"]!.AsArray().Count);
    }

    [Fact]
    public void There_is_one_rule_per_distinct_rule_id_and_each_result_points_at_its_rule()
    {
        var second = PaymentsDesign.Webhook() with { Id = "F-0d0d0d", Component = "PayNova → refunds", ComponentId = "paynova->refunds", Score = 8.8 };
        var analysis = PaymentsDesign.Analysis() with { Findings = [.. PaymentsDesign.Analysis().Findings, second] };

        var run = Export(analysis)["runs"]![0]!;

        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(["webhook-unauthenticated", "card-data-unencrypted-at-rest", "refund-not-audited"], rules.Select(r => (string?)r!["id"]));
        foreach (var result in run["results"]!.AsArray())
        {
            var index = (int)result!["ruleIndex"]!;
            Assert.Equal((string?)result["ruleId"], (string?)rules[index]!["id"]);
        }

        Assert.Equal(0, (int)run["results"]![3]!["ruleIndex"]!);
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    public void Result_level_follows_severity(Severity severity, string level)
    {
        var analysis = PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.CardData() with { Severity = severity }] };

        var result = Export(analysis)["runs"]![0]!["results"]![0]!;

        Assert.Equal(level, (string?)result["level"]);
    }

    [Fact]
    public void Results_are_fingerprinted_by_the_stable_finding_id()
    {
        var results = Export(PaymentsDesign.Analysis())["runs"]![0]!["results"]!.AsArray();

        Assert.Equal(["F-3c1a9e", "F-7b20d4", "F-91e0c2"], results.Select(r => (string?)r!["partialFingerprints"]!["vigilFindingId/v1"]));
    }

    [Fact]
    public void Rules_carry_stride_cwe_and_security_tags_and_a_string_security_severity()
    {
        var rule = Export(PaymentsDesign.Analysis())["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!;

        Assert.Equal("WebhookUnauthenticated", (string?)rule["name"]);
        Assert.Equal("PayNova webhook is accepted without proof it came from PayNova", (string?)rule["shortDescription"]!["text"]);
        Assert.Contains("Verify the PayNova-Signature HMAC", (string?)rule["help"]!["text"]);
        var tags = rule["properties"]!["tags"]!.AsArray().Select(t => (string?)t).ToList();
        Assert.Equal(["Spoofing", "Tampering", "CWE-319", "CWE-345", "security"], tags);
        var securitySeverity = rule["properties"]!["security-severity"]!.AsValue();
        Assert.True(securitySeverity.TryGetValue<string>(out var text));
        Assert.Equal("9.3", text);
    }

    [Fact]
    public void Evidence_source_becomes_the_artifact_and_the_message_index_a_logical_location()
    {
        var results = Export(PaymentsDesign.Analysis())["runs"]![0]!["results"]!.AsArray();

        var webhook = results[0]!["locations"]![0]!;
        Assert.Equal("thread.json", (string?)webhook["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Null(webhook["physicalLocation"]!["region"]);
        Assert.Equal("message 3", (string?)webhook["logicalLocations"]![0]!["name"]);
        Assert.Equal("thread.json#3", (string?)webhook["logicalLocations"]![0]!["fullyQualifiedName"]);
        Assert.Equal("openapi.yaml", (string?)results[0]!["relatedLocations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);

        var cardData = results[1]!["locations"]![0]!;
        Assert.Equal("design.md", (string?)cardData["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(12, (int)cardData["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void Artifact_uri_is_percent_encoded()
    {
        var finding = PaymentsDesign.CardData() with { Evidence = [PaymentsDesign.Said("design docs\\payments ü.md#L3", "PAN")] };
        var analysis = PaymentsDesign.Analysis() with { Findings = [finding] };

        var location = Export(analysis)["runs"]![0]!["results"]![0]!["locations"]![0]!;

        Assert.Equal("design%20docs/payments%20%C3%BC.md", (string?)location["physicalLocation"]!["artifactLocation"]!["uri"]);
    }

    [Fact]
    public void Result_properties_carry_score_severity_component_and_status()
    {
        var properties = Export(PaymentsDesign.Analysis())["runs"]![0]!["results"]![1]!["properties"]!;

        Assert.Equal(7.6, (double)properties["score"]!);
        Assert.Equal("high", (string?)properties["severity"]);
        Assert.Equal("postgres", (string?)properties["component"]);
        Assert.Equal("open", (string?)properties["status"]);
    }

    [Fact]
    public void Accepted_finding_is_reported_as_suppressed_rather_than_dropped()
    {
        var results = Export(PaymentsDesign.Analysis())["runs"]![0]!["results"]!.AsArray();

        Assert.Null(results[0]!["suppressions"]);
        var suppression = results[2]!["suppressions"]![0]!;
        Assert.Equal("external", (string?)suppression["kind"]);
        Assert.Equal("accepted", (string?)suppression["status"]);
    }

    private static JsonNode Export(Analysis.AnalysisResult analysis) =>
        JsonNode.Parse(new SarifReportExporter().Export(analysis))!;
}
