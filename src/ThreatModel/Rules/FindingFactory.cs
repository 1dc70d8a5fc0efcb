using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Scoring;

namespace Vigil.ThreatModel.Rules;

/// <summary>Turns a rule that applies to an element into a finding that names that element and says why it scores as it does.</summary>
internal static class FindingFactory
{
    public static Finding Create(RuleDefinition rule, SystemModel model, Element? subject, IReadOnlyList<Fact> triggers, RiskScorer scorer)
    {
        var component = subject?.Name ?? model.Name;
        var details = triggers.Select(t => t.Detail).OfType<string>().Distinct(StringComparer.Ordinal).Take(3).ToList();
        var data = scorer.MostSensitiveData(subject?.Id);
        string Fill(string template) => template
            .Replace("{component}", component, StringComparison.Ordinal)
            .Replace("{detail}", details.Count > 0 ? string.Join(", ", details) : component, StringComparison.Ordinal)
            .Replace("{data}", data?.Name ?? "its data", StringComparison.Ordinal)
            .Trim();

        var unauthenticated = triggers.Any(t => t.Key == "unauthenticated-operation" || (t.Key == "authentication" && !t.IsPresent)
            || (t.Detail is not null && model.Facts.Any(f => f.Key == "unauthenticated-operation" && f.Subject == t.Subject && f.Detail == t.Detail)));
        var (score, severity, rationale) = scorer.Score(Enum.Parse<Severity>(rule.Severity, ignoreCase: true), subject?.Id, unauthenticated);
        var evidence = triggers.Count > 0
            ? triggers.Select(t => t.Evidence).Distinct().ToList()
            : subject?.Evidence.Take(2).ToList() ?? [];

        return new Finding(
            FindingIds.For(rule.Id, subject?.Id),
            rule.Id,
            Fill(rule.Title),
            Fill(rule.Description),
            rule.Stride.Select(Enum.Parse<Stride>).ToList(),
            severity,
            score,
            component,
            subject?.Id,
            rule.Cwe,
            rule.Capec,
            rule.Mitigations,
            evidence,
            new ComplianceMapping(rule.Compliance.Nist80053, rule.Compliance.PciDss, rule.Compliance.Iso27001),
            rationale);
    }
}
