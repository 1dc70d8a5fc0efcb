using System.Text.Json;
using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Findings;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

public sealed class JsonReportExporterTests
{
    private static readonly string[] ContractFields =
    [
        "id", "ruleId", "title", "description", "stride", "severity", "score", "component", "componentId",
        "cwe", "capec", "mitigations", "evidence", "relatedEvidence", "compliance", "rationale", "status",
    ];

    [Fact]
    public void Document_has_model_findings_and_attack_paths_at_the_top()
    {
        using var json = Export(PaymentsDesign.Analysis());

        Assert.Equal(["model", "findings", "attackPaths"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("attackPaths")[0].GetProperty("hops").ValueKind);
    }

    [Fact]
    public void Each_finding_has_exactly_the_contract_fields()
    {
        using var json = Export(PaymentsDesign.Analysis());

        foreach (var finding in json.RootElement.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(ContractFields, finding.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Finding_fields_have_the_contract_types_and_spellings()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var webhook = json.RootElement.GetProperty("findings")[0];

        Assert.Equal("F-3c1a9e", webhook.GetProperty("id").GetString());
        Assert.Equal(["Spoofing", "Tampering"], webhook.GetProperty("stride").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("critical", webhook.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Number, webhook.GetProperty("score").ValueKind);
        Assert.Equal("9.3", webhook.GetProperty("score").GetRawText());
        Assert.Equal("paynova->payments-svc", webhook.GetProperty("componentId").GetString());
        Assert.Equal([345, 319], webhook.GetProperty("cwe").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal([148], webhook.GetProperty("capec").EnumerateArray().Select(c => c.GetInt32()));
        Assert.All(webhook.GetProperty("mitigations").EnumerateArray(), m => Assert.Equal(JsonValueKind.String, m.ValueKind));
        Assert.Equal("open", webhook.GetProperty("status").GetString());
        Assert.Equal("accepted", json.RootElement.GetProperty("findings")[2].GetProperty("status").GetString());
    }

    [Fact]
    public void Evidence_is_the_first_quote_as_one_object_and_related_evidence_holds_all()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var webhook = json.RootElement.GetProperty("findings")[0];

        var evidence = webhook.GetProperty("evidence");
        Assert.Equal(JsonValueKind.Object, evidence.ValueKind);
        Assert.Equal(["source", "quote"], evidence.EnumerateObject().Select(p => p.Name));
        Assert.Equal("thread.json#3", evidence.GetProperty("source").GetString());
        Assert.Equal(2, webhook.GetProperty("relatedEvidence").GetArrayLength());
        Assert.Equal("openapi.yaml", webhook.GetProperty("relatedEvidence")[1].GetProperty("source").GetString());
    }

    [Fact]
    public void Finding_without_evidence_has_null_evidence_and_empty_related_evidence()
    {
        var analysis = PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.CardData() with { Evidence = [] }] };

        using var json = Export(analysis);
        var finding = json.RootElement.GetProperty("findings")[0];

        Assert.Equal(JsonValueKind.Null, finding.GetProperty("evidence").ValueKind);
        Assert.Equal(0, finding.GetProperty("relatedEvidence").GetArrayLength());
    }

    [Fact]
    public void Compliance_lists_controls_under_the_three_contract_keys()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var compliance = json.RootElement.GetProperty("findings")[0].GetProperty("compliance");

        Assert.Equal(["nist80053", "pciDss", "iso27001"], compliance.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["SC-8", "SI-10"], compliance.GetProperty("nist80053").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData(8.0, "8.0")]
    [InlineData(7.349, "7.3")]
    [InlineData(6.25, "6.3")]
    [InlineData(12.0, "10.0")]
    public void Score_is_a_number_with_one_decimal_between_0_and_10(double score, string expected)
    {
        var analysis = PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.CardData() with { Score = score }] };

        using var json = Export(analysis);

        Assert.Equal(expected, json.RootElement.GetProperty("findings")[0].GetProperty("score").GetRawText());
    }

    [Fact]
    public void Model_parts_are_all_there_with_camel_case_enums()
    {
        using var json = Export(PaymentsDesign.Analysis());
        var model = json.RootElement.GetProperty("model");

        Assert.Equal("Brightcart payments", model.GetProperty("name").GetString());
        var kinds = model.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("kind").GetString());
        Assert.Equal(["actor", "service", "externalService", "dataStore"], kinds);
        Assert.Equal("cloudNetwork", model.GetProperty("elements")[1].GetProperty("boundary").GetString());
        Assert.False(model.GetProperty("flows")[1].GetProperty("encrypted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("flows")[2].GetProperty("encrypted").ValueKind);
        Assert.Equal(["internet", "cloudnetwork", "thirdparty"], model.GetProperty("boundaries").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal("restricted", model.GetProperty("data")[0].GetProperty("classification").GetString());
        var fact = model.GetProperty("facts")[0];
        Assert.Equal("control", fact.GetProperty("kind").GetString());
        Assert.Equal("absent", fact.GetProperty("state").GetString());
        Assert.Equal("no signature check yet", fact.GetProperty("evidence").GetProperty("quote").GetString());
    }

    [Fact]
    public void False_positive_status_is_written_in_camel_case()
    {
        var analysis = PaymentsDesign.Analysis() with { Findings = [PaymentsDesign.CardData() with { Status = FindingStatus.FalsePositive }] };

        using var json = Export(analysis);

        Assert.Equal("falsePositive", json.RootElement.GetProperty("findings")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Document_round_trips_through_AnalysisJson()
    {
        var original = PaymentsDesign.Analysis();
        var text = AnalysisJson.Serialize(original);

        var read = AnalysisJson.Deserialize(text);

        Assert.Equal(text, AnalysisJson.Serialize(read));
        Assert.Equal(original.Findings[0].Evidence, read.Findings[0].Evidence);
        Assert.Equal(original.Findings[0].Stride, read.Findings[0].Stride);
        Assert.Equal(FindingStatus.Accepted, read.Findings[2].Status);
        Assert.Equal(original.Model.Flows[1].Encrypted, read.Model.Flows[1].Encrypted);
        Assert.Equal(original.Model.Elements[3].Kind, read.Model.Elements[3].Kind);
        Assert.Equal(original.AttackPaths[0].Hops, read.AttackPaths[0].Hops);
    }

    [Fact]
    public void Options_read_enums_as_the_strings_they_write()
    {
        var severity = JsonSerializer.Deserialize<Severity>("\"critical\"", AnalysisJson.Options);
        var stride = JsonSerializer.Deserialize<Stride>("\"InformationDisclosure\"", AnalysisJson.Options);

        Assert.Equal(Severity.Critical, severity);
        Assert.Equal(Stride.InformationDisclosure, stride);
        Assert.Equal("\"ElevationOfPrivilege\"", JsonSerializer.Serialize(Stride.ElevationOfPrivilege, AnalysisJson.Options));
    }

    [Fact]
    public void Json_export_ends_with_a_newline_and_keeps_chat_text_readable()
    {
        var text = new JsonReportExporter().Export(PaymentsDesign.Analysis());

        Assert.EndsWith("}\n", text);
        Assert.Contains("PayNova → payments-svc", text);
    }

    private static JsonDocument Export(Analysis.AnalysisResult analysis) =>
        JsonDocument.Parse(new JsonReportExporter().Export(analysis));
}
