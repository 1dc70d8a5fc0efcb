using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.RuleCatalog;

/// <summary>Every rule proves itself on real sentences: its `fires` examples report it, its `silent` examples do not.</summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string> RuleIds() => [.. Catalog.Default.Rules.Select(r => r.Id)];

    private static RuleDefinition Rule(string id) => Catalog.Default.Rules.Single(r => r.Id == id);

    private static bool Reports(string ruleId, string design) =>
        ThreatAnalyzer.Default.Analyze([new SourceDocument("example.md", SourceKind.Document, design, 0)], "example")
            .Findings.Any(f => f.RuleId == ruleId);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_an_example_that_fires(string ruleId) => Assert.NotEmpty(Rule(ruleId).Examples.Fires);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_fires_on_each_of_its_examples(string ruleId)
    {
        var silentOnes = Rule(ruleId).Examples.Fires.Where(example => !Reports(ruleId, example)).ToList();
        Assert.True(silentOnes.Count == 0, $"{ruleId} did not fire on:\n{string.Join("\n", silentOnes)}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_stays_silent_where_the_design_states_the_control(string ruleId)
    {
        var noisy = Rule(ruleId).Examples.Silent.Where(example => Reports(ruleId, example)).ToList();
        Assert.True(noisy.Count == 0, $"{ruleId} fired on:\n{string.Join("\n", noisy)}");
    }
}
