using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Knowledge;

/// <summary>Rejects a rule that could never fire or that would produce a finding missing what users rely on.</summary>
internal static class RuleValidator
{
    private static readonly HashSet<string> Kinds = new(Enum.GetNames<Model.ElementKind>(), StringComparer.OrdinalIgnoreCase);

    public static void Validate(string file, RuleDefinition rule)
    {
        var where = $"rule '{(rule.Id.Length == 0 ? "(no id)" : rule.Id)}'";
        Require(file, rule.Id.Length > 0, $"{where}: missing id");
        Require(file, rule.Title.Length > 0, $"{where}: missing title");
        Require(file, rule.Description.Length > 0, $"{where}: missing description");
        Require(file, rule.Stride.Count > 0, $"{where}: needs at least one STRIDE category");
        Require(file, rule.Mitigations.Count > 0, $"{where}: needs at least one mitigation");
        foreach (var stride in rule.Stride)
        {
            Require(file, Enum.TryParse<Stride>(stride, ignoreCase: false, out _), $"{where}: unknown STRIDE category '{stride}'");
        }

        Require(file, Enum.TryParse<Severity>(rule.Severity, ignoreCase: true, out _), $"{where}: unknown severity '{rule.Severity}'");
        foreach (var kind in rule.When.Kinds)
        {
            Require(file, Kinds.Contains(kind), $"{where}: unknown element kind '{kind}'");
        }

        var when = rule.When;
        Require(file, when.HasFactTrigger || when.Kinds.Count > 0 || when.Technologies.Count > 0,
            $"{where}: needs a trigger (practices, absentControls, kinds or technologies)");
    }

    private static void Require(string file, bool condition, string reason)
    {
        if (!condition)
        {
            throw new CatalogException(file, reason);
        }
    }
}
