using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Scoring;

/// <summary>
/// How far each element is from where an attacker starts: people and systems outside our trust (internet users,
/// third parties, devices) are 0 hops away, an element exposed to the internet is 1 hop, and each flow adds one.
/// </summary>
public sealed class Reachability
{
    private readonly Dictionary<string, int> hops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> previous = new(StringComparer.Ordinal);

    public Reachability(SystemModel model)
    {
        foreach (var element in model.Elements)
        {
            var start = IsUntrusted(element) ? 0 : IsExposed(model, element.Id) ? 1 : -1;
            if (start >= 0)
            {
                hops[element.Id] = start;
                previous[element.Id] = null;
            }
        }

        HasEntryPoints = hops.Count > 0;
        var next = model.Flows.ToLookup(f => f.Source, f => f.Target);
        var queue = new Queue<string>(hops.OrderBy(h => h.Value).Select(h => h.Key));

        while (queue.TryDequeue(out var id))
        {
            foreach (var target in next[id])
            {
                if (!hops.ContainsKey(target) || hops[target] > hops[id] + 1)
                {
                    hops[target] = hops[id] + 1;
                    previous[target] = id;
                    queue.Enqueue(target);
                }
            }
        }
    }

    /// <summary>False when the design names no entry point at all, so distance says nothing.</summary>
    public bool HasEntryPoints { get; }

    /// <summary>Hops from the nearest untrusted starting point, or null when it cannot be reached.</summary>
    public int? HopsTo(string elementId) => hops.TryGetValue(elementId, out var h) ? h : null;

    /// <summary>The shortest route from an entry point to the element, entry point first.</summary>
    public IReadOnlyList<string> RouteTo(string elementId)
    {
        if (!previous.ContainsKey(elementId))
        {
            return [];
        }

        var route = new List<string>();
        for (string? at = elementId; at is not null; at = previous[at])
        {
            route.Add(at);
        }

        route.Reverse();
        return route;
    }

    public static bool IsUntrusted(Element element) =>
        element.Kind is ElementKind.Actor or ElementKind.ExternalService or ElementKind.Device or ElementKind.ClientApp
        && element.Boundary is not (BoundaryKind.CorporateNetwork or BoundaryKind.CloudNetwork or BoundaryKind.Cluster);

    public static bool IsExposed(SystemModel model, string elementId) =>
        model.Facts.Any(f => f.Key == "publicly-exposed" && f.IsPresent && f.Subject == elementId)
        && !model.Facts.Any(f => f.Key == "internal-only" && f.IsPresent && f.Subject == elementId);
}
