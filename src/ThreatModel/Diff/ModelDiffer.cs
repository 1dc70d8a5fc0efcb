using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Diff;

/// <summary>Compares two analyses of the same design by stable ids, so re-wording alone changes nothing.</summary>
public static class ModelDiffer
{
    public static ModelDiff Compare(AnalysisResult before, AnalysisResult after)
    {
        var (addedElements, removedElements) = Changes(before.Model.Elements.Select(e => e.Id), after.Model.Elements.Select(e => e.Id));
        var (addedFlows, removedFlows) = Changes(before.Model.Flows.Select(f => f.Id), after.Model.Flows.Select(f => f.Id));
        var (addedControls, removedControls) = Changes(Controls(before.Model), Controls(after.Model));

        var beforeFindings = before.Findings.ToDictionary(f => f.Id);
        var afterFindings = after.Findings.ToDictionary(f => f.Id);
        var newFindings = after.Findings.Where(f => !beforeFindings.ContainsKey(f.Id)).ToList();
        var resolved = before.Findings.Where(f => !afterFindings.ContainsKey(f.Id)).ToList();
        var rescored = after.Findings
            .Where(f => beforeFindings.TryGetValue(f.Id, out var old) && Math.Abs(old.Score - f.Score) >= 0.05)
            .Select(f => new RescoredFinding(beforeFindings[f.Id], f))
            .ToList();

        var diff = new ModelDiff(addedElements, removedElements, addedFlows, removedFlows, addedControls, removedControls,
            newFindings, resolved, rescored, "");
        return diff with { Summary = Summarize(diff) };
    }

    private static IEnumerable<string> Controls(SystemModel model) =>
        model.Facts.Where(f => f.Kind == FactKind.Control && f.IsPresent).Select(f => $"{f.Key}@{f.Subject ?? "system"}");

    private static (List<string> Added, List<string> Removed) Changes(IEnumerable<string> before, IEnumerable<string> after)
    {
        var old = before.ToHashSet(StringComparer.Ordinal);
        var current = after.ToHashSet(StringComparer.Ordinal);
        return (current.Except(old).Order(StringComparer.Ordinal).ToList(), old.Except(current).Order(StringComparer.Ordinal).ToList());
    }

    private static string Summarize(ModelDiff diff)
    {
        if (diff.IsEmpty)
        {
            return "No change in the design or its risk.";
        }

        var parts = new List<string>();
        if (diff.NewFindings.Count > 0)
        {
            var worst = diff.NewFindings.MaxBy(f => f.Score)!;
            parts.Add($"{diff.NewFindings.Count} new risk{Plural(diff.NewFindings.Count)} (worst: {worst.Title}, {worst.Severity.ToString().ToLowerInvariant()})");
        }

        if (diff.ResolvedFindings.Count > 0)
        {
            parts.Add($"{diff.ResolvedFindings.Count} resolved");
        }

        if (diff.RescoredFindings.Count > 0)
        {
            parts.Add($"{diff.RescoredFindings.Count} re-scored");
        }

        var modelChanges = diff.AddedElements.Count + diff.RemovedElements.Count + diff.AddedFlows.Count + diff.RemovedFlows.Count;
        if (modelChanges > 0)
        {
            parts.Add($"{modelChanges} element/flow change{Plural(modelChanges)}");
        }

        var controlChanges = diff.AddedControls.Count - diff.RemovedControls.Count;
        if (diff.AddedControls.Count + diff.RemovedControls.Count > 0)
        {
            parts.Add($"controls {(controlChanges >= 0 ? "+" : "")}{controlChanges}");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string Plural(int count) => count == 1 ? "" : "s";
}
