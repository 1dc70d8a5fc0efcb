using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Scoring;

namespace Vigil.ThreatModel.Rules;

/// <summary>
/// Applies the rule catalogue to a model: one finding per rule and element, only where the design gives a reason,
/// never where it states the control the rule is about.
/// </summary>
public sealed class RuleEngine(Catalog catalog)
{
    public IReadOnlyList<Finding> Evaluate(SystemModel model) => Evaluate(model, new RiskScorer(model));

    /// <param name="scorer">The model's scorer, shared with whoever else needs its reachability.</param>
    public IReadOnlyList<Finding> Evaluate(SystemModel model, RiskScorer scorer)
    {
        var context = new RuleContext(model);
        var findings = new List<Finding>();
        foreach (var rule in catalog.Rules)
        {
            foreach (var (subject, triggers) in Subjects(rule, context))
            {
                if (context.Satisfies(rule.When, subject))
                {
                    findings.Add(FindingFactory.Create(rule, model, subject, triggers, scorer));
                }
            }
        }

        return findings
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Component, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where the rule could apply: where its triggering facts were stated, or every element of its kinds.</summary>
    private static IEnumerable<(Element? Subject, IReadOnlyList<Fact> Triggers)> Subjects(RuleDefinition rule, RuleContext context)
    {
        var when = rule.When;
        if (when.HasFactTrigger)
        {
            return context.Model.Facts
                .Where(f => (when.Practices.Contains(f.Key) && f.IsPresent)
                            || (when.AbsentControls.Contains(f.Key) && f.State is FactState.Absent or FactState.Planned
                                && !context.ControlStatedPresent(f.Key, f.Subject)))
                .GroupBy(f => f.Subject)
                .Select(g => (g.Key is null ? null : context.Model.FindElement(g.Key), (IReadOnlyList<Fact>)g.ToList()));
        }

        return context.Model.Elements.Select(e => ((Element?)e, (IReadOnlyList<Fact>)[]));
    }
}
