using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Diff;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.Diff;

/// <summary>Properties of the diff over designs assembled from realistic statements in random order.</summary>
public sealed class ModelDifferProperties
{
    private static readonly string[] Statements =
    [
        "checkout-web calls payments-svc over https",
        "payments-svc stores card numbers in postgres",
        "payments-svc is behind the public ALB",
        "no auth on the reports-api for now",
        "reports-api reads from postgres",
        "orders-svc publishes to kafka",
        "loyalty-svc consumes from kafka, delivery is at-least-once and we don't keep processed event ids",
        "payments-svc keeps the live secret key in appsettings.Production.json in the repo",
        "admin-panel is internet-facing with a single shared password",
        "payments-svc logs the full request body at INFO to Datadog",
    ];

    private static AnalysisResult Analyze(IEnumerable<string> messages) =>
        ThreatAnalyzer.Default.Analyze(messages.Select((m, i) => new SourceDocument($"t#{i + 1}", SourceKind.Message, m, i)), "design");

    private static Arbitrary<string[]> Designs() =>
        Gen.SubListOf(Statements).Select(s => s.ToArray()).ToArbitrary();

    [Property(MaxTest = 40)]
    public Property Diff_of_a_design_with_itself_is_empty() =>
        Prop.ForAll(Designs(), design =>
        {
            var result = Analyze(design);
            return ModelDiffer.Compare(result, result).IsEmpty;
        });

    [Property(MaxTest = 40)]
    public Property Reanalyzing_the_same_messages_changes_nothing() =>
        Prop.ForAll(Designs(), design => ModelDiffer.Compare(Analyze(design), Analyze(design)).IsEmpty);

    private static Arbitrary<(string[] Design, string[] Shuffled)> DesignsInTwoOrders() =>
        Gen.SubListOf(Statements)
            .SelectMany(design => Gen.Shuffle(design.ToArray()).Select(shuffled => (design.ToArray(), shuffled)))
            .ToArbitrary();

    [Property(MaxTest = 40)]
    public Property Finding_ids_survive_reordering_of_independent_statements() =>
        Prop.ForAll(DesignsInTwoOrders(), pair =>
        {
            // Each statement names its component, so its order does not change which facts it states.
            var inOrder = Analyze(pair.Design).Findings.Select(f => f.Id).ToHashSet();
            var shuffled = Analyze(pair.Shuffled).Findings.Select(f => f.Id).ToHashSet();
            return inOrder.SetEquals(shuffled);
        });

    [Fact]
    public void Adding_a_message_reports_new_findings_and_a_summary()
    {
        var before = Analyze(["payments-svc stores card numbers in postgres"]);
        var after = Analyze(["payments-svc stores card numbers in postgres", "payments-svc keeps the live secret key in appsettings.Production.json in the repo"]);

        var diff = ModelDiffer.Compare(before, after);

        Assert.False(diff.IsEmpty);
        Assert.NotEmpty(diff.NewFindings);
        Assert.Empty(diff.ResolvedFindings);
        Assert.StartsWith($"{diff.NewFindings.Count} new risk", diff.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Attaching_a_spec_that_names_the_service_differently_keeps_the_finding_ids()
    {
        string[] thread = ["pay-svc keeps the live secret key in appsettings.Production.json in the repo", "payments-svc logs the full request body at INFO to Datadog"];
        const string spec = "openapi: 3.0.3\ninfo: { title: payments-svc, version: '1' }\npaths: {}\n";
        var withoutSpec = Analyze(thread);
        var withSpec = ThreatAnalyzer.Default.Analyze(
            thread.Select((m, i) => new SourceDocument($"t#{i + 1}", SourceKind.Message, m, i))
                .Append(new SourceDocument("openapi.yaml", SourceKind.OpenApi, spec, 0)), "design");

        var before = withoutSpec.Findings.Select(f => f.Id).ToHashSet();
        Assert.NotEmpty(before);
        Assert.Subset(withSpec.Findings.Select(f => f.Id).ToHashSet(), before);
    }
}
