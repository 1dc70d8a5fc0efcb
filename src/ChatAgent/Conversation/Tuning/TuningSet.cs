using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Tuning;

/// <summary>The tuning in force in one workspace, applied to findings before anyone sees them.</summary>
public sealed record TuningSet(IReadOnlyDictionary<string, TuningChange> Disabled, IReadOnlyDictionary<string, TuningChange> SeverityOverrides)
{
    public static TuningSet None { get; } = new(new Dictionary<string, TuningChange>(), new Dictionary<string, TuningChange>());

    /// <summary>Findings of disabled rules removed, overridden severities applied (the score stays: it is evidence, the band is policy).</summary>
    public IReadOnlyList<Finding> Apply(IEnumerable<Finding> findings) =>
        findings
            .Where(f => !Disabled.ContainsKey(f.RuleId))
            .Select(f => SeverityOverrides.TryGetValue(f.RuleId, out var o) && o.Severity is { } severity ? f with { Severity = severity } : f)
            .ToList();
}
