using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Scoring;

namespace Vigil.ThreatModel.Analysis;

/// <summary>
/// Shortest routes from untrusted entry points to elements that hold confidential or restricted data, with the
/// findings on the way that make each step easier.
/// </summary>
public static class AttackPathFinder
{
    private const int MaxPaths = 8;

    public static IReadOnlyList<AttackPath> Find(SystemModel model, IReadOnlyList<Finding> findings, Reachability reachability)
    {
        var paths = new List<(AttackPath Path, Classification Level)>();
        foreach (var target in model.Elements)
        {
            var data = model.Data.Where(d => d.HeldBy.Contains(target.Id) && d.Classification >= Classification.Confidential)
                .MaxBy(d => d.Classification);
            var route = reachability.RouteTo(target.Id);
            if (data is null || route.Count < 2)
            {
                continue;
            }

            var weaknesses = route
                .SelectMany(hop => findings.Where(f => f.ComponentId == hop).Take(2).Select(f => $"{f.Component}: {f.Title}"))
                .Distinct()
                .Take(4)
                .ToList();
            paths.Add((new AttackPath(route[0], target.Id, route, weaknesses, data.Name), data.Classification));
        }

        return paths
            .OrderByDescending(p => p.Level)
            .ThenByDescending(p => p.Path.Weaknesses.Count)
            .ThenBy(p => p.Path.Hops.Count)
            .ThenBy(p => p.Path.Target, StringComparer.Ordinal)
            .Take(MaxPaths)
            .Select(p => p.Path)
            .ToList();
    }
}
