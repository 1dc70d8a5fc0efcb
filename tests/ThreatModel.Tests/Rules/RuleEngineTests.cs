using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.Rules;

/// <summary>The engine with a small rule folder laid over the embedded catalogue, as a security team would.</summary>
public sealed class RuleEngineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-rules-").FullName;

    public RuleEngineTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "rules"));
        File.WriteAllText(Path.Combine(folder, "rules", "team.yaml"), """
            - id: TEAM-001
              title: Webhook receiver without signature verification
              stride: [Spoofing, Tampering]
              cwe: [347]
              capec: [473]
              severity: high
              when:
                practices: [webhook-consumer]
                missingControls: [signature-verification]
              description: "{component} accepts webhook events it does not verify, so anyone can forge them."
              mitigations: [Verify the provider's HMAC signature over the raw body and reject stale timestamps.]
              compliance: { nist80053: [SI-10], pciDss: ["6.2.4"], iso27001: ["8.28"] }
            """);
        Directory.CreateDirectory(Path.Combine(folder, "signals"));
        File.WriteAllText(Path.Combine(folder, "signals", "team.yaml"), """
            - key: webhook-consumer
              kind: deployment
              present: ['\bwebhooks?\b']
            - key: signature-verification
              kind: control
              present: ['\bverif(?:y|ies|ied)\b[^.]{0,40}\bsignature', '\bsignature\b[^.]{0,30}\bverifi(?:ed|cation)']
            """);
    }

    private AnalysisResult Analyze(params string[] messages) =>
        new ThreatAnalyzer(Catalog.Load(folder)).Analyze(
            messages.Select((m, i) => new SourceDocument($"t#{i + 1}", SourceKind.Message, m, i)), "design");

    [Fact]
    public void Webhook_without_signature_check_is_reported_as_spoofing()
    {
        var result = Analyze("Stripe posts webhooks to billing-svc");

        var finding = Assert.Single(result.Findings, f => f.RuleId == "TEAM-001");
        Assert.Contains(Stride.Spoofing, finding.Stride);
        Assert.Equal("billing-svc", finding.Component);
        Assert.Contains("billing-svc accepts webhook events", finding.Description, StringComparison.Ordinal);
        Assert.Equal("t#1", finding.Evidence[0].Source);
    }

    [Fact]
    public void Stated_control_silences_the_rule_about_its_absence()
    {
        var result = Analyze("Stripe posts webhooks to billing-svc", "we verify the Stripe-Signature header on every event");

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "TEAM-001");
    }

    [Fact]
    public void Finding_id_is_stable_when_other_messages_change()
    {
        var first = Analyze("Stripe posts webhooks to billing-svc");
        var reworded = Analyze("hi all", "Stripe posts webhooks to billing-svc", "lunch?");

        Assert.Equal(first.Findings.Single(f => f.RuleId == "TEAM-001").Id, reworded.Findings.Single(f => f.RuleId == "TEAM-001").Id);
    }

    [Fact]
    public void Rule_with_unknown_stride_is_rejected_naming_the_file()
    {
        File.WriteAllText(Path.Combine(folder, "rules", "bad.yaml"), """
            - id: BAD-1
              title: t
              stride: [Spoofy]
              severity: high
              when: { practices: [x] }
              description: d
              mitigations: [m]
            """);

        var error = Assert.Throws<CatalogException>(() => Catalog.Load(folder));
        Assert.Contains("rules/bad.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("Spoofy", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
