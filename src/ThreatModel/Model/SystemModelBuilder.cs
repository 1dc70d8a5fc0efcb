namespace Vigil.ThreatModel.Model;

/// <summary>
/// Collects what extractors read, merging repeated mentions of the same element, flow or data asset.
/// Facts are kept in the order stated; when two facts share a key and subject, the later one wins.
/// </summary>
public sealed class SystemModelBuilder
{
    private readonly Dictionary<string, ElementDraft> elements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aliasToId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlowDraft> flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DataDraft> data = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Fact> facts = [];

    public IEnumerable<Element> Elements => elements.Values.Select(e => e.ToElement());

    /// <summary>The id of an element already known under this name or alias, if any.</summary>
    public string? Resolve(string name) =>
        aliasToId.TryGetValue(ElementNames.Canonical(name), out var id) ? id : null;

    public Element? Find(string id) => elements.TryGetValue(id, out var draft) ? draft.ToElement() : null;

    /// <summary>Adds an element or merges into the one already known under this name; returns its id.</summary>
    public string AddElement(string name, ElementKind kind, Evidence evidence, IEnumerable<string>? technologies = null, BoundaryKind? boundary = null)
    {
        var id = Resolve(name) ?? ElementNames.Id(name);
        if (!elements.TryGetValue(id, out var draft))
        {
            draft = new ElementDraft(id, name, kind);
            elements[id] = draft;
            aliasToId[ElementNames.Canonical(name)] = id;
        }
        else if (KindSpecificity(kind) > KindSpecificity(draft.Kind))
        {
            draft.Kind = kind;
        }

        draft.Evidence.Add(evidence);
        foreach (var tech in technologies ?? [])
        {
            draft.Technologies.Add(tech);
        }

        draft.Boundary ??= boundary;
        return id;
    }

    /// <summary>Records another name for an element ("pay-svc" for "payments-svc").</summary>
    public void AddAlias(string id, string alias)
    {
        var key = ElementNames.Canonical(alias);
        if (key.Length == 0 || !elements.TryGetValue(id, out var draft))
        {
            return;
        }

        aliasToId.TryAdd(key, id);
        if (!string.Equals(alias, draft.Name, StringComparison.OrdinalIgnoreCase))
        {
            draft.Aliases.Add(alias);
        }
    }

    public void SetBoundary(string id, BoundaryKind boundary)
    {
        if (elements.TryGetValue(id, out var draft))
        {
            draft.Boundary = boundary;
        }
    }

    /// <summary>Adds a flow or enriches the existing flow between the same two elements.</summary>
    public string AddFlow(string sourceId, string targetId, Evidence evidence, string? protocol = null,
        IEnumerable<string>? dataCarried = null, string? authentication = null, bool? encrypted = null)
    {
        var id = $"{sourceId}->{targetId}";
        if (!flows.TryGetValue(id, out var draft))
        {
            draft = new FlowDraft(id, sourceId, targetId);
            flows[id] = draft;
        }

        draft.Protocol ??= protocol;
        draft.Authentication = authentication ?? draft.Authentication;
        draft.Encrypted = encrypted ?? draft.Encrypted;
        foreach (var item in dataCarried ?? [])
        {
            draft.Data.Add(item);
        }

        draft.Evidence.Add(evidence);
        return id;
    }

    /// <summary>Adds a data asset or merges holders, tags and evidence; the higher classification wins.</summary>
    public void AddData(string name, Classification classification, IEnumerable<string> tags, string? heldBy, Evidence evidence)
    {
        if (!data.TryGetValue(name, out var draft))
        {
            draft = new DataDraft(name, classification);
            data[name] = draft;
        }

        if (classification > draft.Classification)
        {
            draft.Classification = classification;
        }

        foreach (var tag in tags)
        {
            draft.Tags.Add(tag);
        }

        if (heldBy is not null)
        {
            draft.HeldBy.Add(heldBy);
        }

        draft.Evidence.Add(evidence);
    }

    public void AddFact(Fact fact) => facts.Add(fact);

    public SystemModel Build(string name, int version = 1)
    {
        var ids = StableIds();
        string Map(string id) => ids.GetValueOrDefault(id, id);

        var builtElements = elements.Values.Select(e => e.ToElement() with { Id = Map(e.ToElement().Id) })
            .OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var boundaries = builtElements
            .Where(e => e.Boundary is not null)
            .GroupBy(e => e.Boundary!.Value)
            .Select(g => new TrustBoundary(g.Key.ToString().ToLowerInvariant(), BoundaryNames.Of(g.Key), g.Key,
                g.Select(e => e.Id).ToList()))
            .OrderBy(b => b.Kind)
            .ToList();
        var builtFlows = flows.Values.Select(f => f.ToFlow())
            .Select(f => f with { Id = $"{Map(f.Source)}->{Map(f.Target)}", Source = Map(f.Source), Target = Map(f.Target) })
            .OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        var builtData = data.Values.Select(d => d.ToAsset())
            .Select(d => d with { HeldBy = d.HeldBy.Select(Map).Distinct().Order(StringComparer.Ordinal).ToList() })
            .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var builtFacts = LatestStatements(facts.Select(f => f.Subject is null ? f : f with { Subject = Map(f.Subject) }).ToList());

        return new SystemModel(name, version, builtElements, builtFlows, boundaries, builtData, builtFacts);
    }

    /// <summary>
    /// An element's id comes from the shortest of all its names, not from whichever spelling was read first, so
    /// attaching a spec or reordering messages does not change the ids findings are keyed on.
    /// </summary>
    private Dictionary<string, string> StableIds()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in elements.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var best = draft.Aliases.Append(draft.Name)
                .Select(ElementNames.Id)
                .OrderBy(id => id.Length)
                .ThenBy(id => id, StringComparer.Ordinal)
                .First();
            var chosen = best != draft.Id && (elements.ContainsKey(best) || !taken.Add(best)) ? draft.Id : best;
            taken.Add(chosen);
            ids[draft.Id] = chosen;
        }

        return ids;
    }

    /// <summary>
    /// A later statement about the same thing (key, element and detail such as an endpoint) overrides an earlier one
    /// ("actually we do verify it now"); statements about different endpoints of one service all stay.
    /// </summary>
    private static List<Fact> LatestStatements(List<Fact> all)
    {
        var latest = new Dictionary<(string Key, string? Subject, string? Detail), Fact>();
        var order = new List<(string, string?, string?)>();
        foreach (var fact in all)
        {
            var key = (fact.Key, fact.Subject, fact.Detail);
            if (!latest.ContainsKey(key))
            {
                order.Add(key);
            }

            latest[key] = fact;
        }

        return order.Select(k => latest[k]).ToList();
    }

    // A data store named once as "the service" and later as "postgres" is a data store: specific kinds win over generic.
    private static int KindSpecificity(ElementKind kind) => kind switch
    {
        ElementKind.Service => 0,
        ElementKind.Actor => 1,
        _ => 2,
    };

    private sealed class ElementDraft(string id, string name, ElementKind kind)
    {
        public string Id => id;
        public string Name => name;
        public ElementKind Kind { get; set; } = kind;
        public BoundaryKind? Boundary { get; set; }
        public SortedSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);
        public SortedSet<string> Technologies { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<Evidence> Evidence { get; } = [];

        public Element ToElement() => new(id, name, Kind, Aliases.ToList(), Technologies.ToList(), Boundary, Evidence.Distinct().ToList());
    }

    private sealed class FlowDraft(string id, string source, string target)
    {
        public string? Protocol { get; set; }
        public string? Authentication { get; set; }
        public bool? Encrypted { get; set; }
        public SortedSet<string> Data { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<Evidence> Evidence { get; } = [];

        public DataFlow ToFlow() => new(id, source, target, Protocol, Data.ToList(), Authentication, Encrypted, Evidence.Distinct().ToList());
    }

    private sealed class DataDraft(string name, Classification classification)
    {
        public Classification Classification { get; set; } = classification;
        public SortedSet<string> Tags { get; } = new(StringComparer.OrdinalIgnoreCase);
        public SortedSet<string> HeldBy { get; } = new(StringComparer.Ordinal);
        public List<Evidence> Evidence { get; } = [];

        public DataAsset ToAsset() => new(name, Classification, Tags.ToList(), HeldBy.ToList(), Evidence.Distinct().ToList());
    }
}
