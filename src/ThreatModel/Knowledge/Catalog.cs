using System.Buffers;
using System.Text.RegularExpressions;
using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Knowledge;

/// <summary>Everything Vigil knows as data: signals, lexicons and rules, loaded and checked once.</summary>
public sealed class Catalog
{
    // Bounds the cost of a pathological pattern in a user rule folder instead of hanging the host.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Lazy<Catalog> Embedded = new(() => Load(null));
    private static readonly Lazy<Catalog> EmbeddedCompiled = new(() => Load(null, PatternCompilation.Compiled));

    private Catalog(IReadOnlyList<Signal> signals, IReadOnlyList<LexiconTerm> terms, IReadOnlyList<DataTerm> dataTerms, IReadOnlyList<RuleDefinition> rules)
    {
        Signals = signals;
        Terms = terms;
        DataTerms = dataTerms;
        Rules = rules;
    }

    public IReadOnlyList<Signal> Signals { get; }
    public IReadOnlyList<LexiconTerm> Terms { get; }
    public IReadOnlyList<DataTerm> DataTerms { get; }
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The embedded catalogue with interpreted patterns: quick to load, for one-shot commands.</summary>
    public static Catalog Default => Embedded.Value;

    /// <summary>The embedded catalogue with compiled patterns: seconds to load, then several times faster, for the host.</summary>
    public static Catalog DefaultCompiled => EmbeddedCompiled.Value;

    public static Catalog Load(string? overrideDirectory, PatternCompilation compilation = PatternCompilation.Interpreted)
    {
        var options = compilation == PatternCompilation.Compiled ? PatternOptions | RegexOptions.Compiled : PatternOptions;
        var files = CatalogFiles.Load(overrideDirectory);
        var signals = new Dictionary<string, Signal>(StringComparer.Ordinal);
        var terms = new List<LexiconTerm>();
        var dataTerms = new List<DataTerm>();
        var rules = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);

        foreach (var (path, yaml) in files)
        {
            if (path.StartsWith("signals/", StringComparison.Ordinal))
            {
                foreach (var definition in YamlCatalogReader.ReadList<SignalDefinition>(path, yaml))
                {
                    signals[definition.Key] = CompileSignal(path, definition, options);
                }
            }
            else if (path is "lexicon/technologies.yaml" or "lexicon/actors.yaml")
            {
                terms.AddRange(YamlCatalogReader.ReadList<TermDefinition>(path, yaml).Select(t => CompileTerm(path, t, options)));
            }
            else if (path == "lexicon/data.yaml")
            {
                dataTerms.AddRange(YamlCatalogReader.ReadList<DataTermDefinition>(path, yaml).Select(d => CompileDataTerm(path, d, options)));
            }
            else if (path.StartsWith("rules/", StringComparison.Ordinal))
            {
                foreach (var rule in YamlCatalogReader.ReadList<RuleDefinition>(path, yaml))
                {
                    RuleValidator.Validate(path, rule);
                    rules[rule.Id] = rule;
                }
            }
        }

        return new Catalog(signals.Values.ToList(), terms, dataTerms, rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList());
    }

    private static Signal CompileSignal(string file, SignalDefinition definition, RegexOptions options)
    {
        if (string.IsNullOrWhiteSpace(definition.Key))
        {
            throw new CatalogException(file, "a signal has no key");
        }

        var kind = definition.Kind.ToLowerInvariant() switch
        {
            "control" => FactKind.Control,
            "deployment" => FactKind.Deployment,
            "practice" => FactKind.Practice,
            var other => throw new CatalogException(file, $"signal '{definition.Key}': unknown kind '{other}' (control, deployment or practice)"),
        };
        return new Signal(definition.Key, kind,
            Alternation(file, definition.Key, definition.Present, options),
            Alternation(file, definition.Key, definition.Absent, options),
            Anchors(definition.Present),
            Anchors(definition.Absent));
    }

    // Anchor words only when every pattern of the side promises one; otherwise the side always runs.
    private static SearchValues<string>? Anchors(IReadOnlyList<string> patterns)
    {
        var words = new List<string>();
        foreach (var pattern in patterns)
        {
            var literals = LeadingLiterals.Of(pattern);
            if (literals is null)
            {
                return null;
            }

            words.AddRange(literals);
        }

        return words.Count == 0 ? null : SearchValues.Create(words.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    private static Regex? Alternation(string file, string key, IReadOnlyList<string> patterns, RegexOptions options)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        // Compile each alone first so a bad pattern is reported by itself, not as part of a long alternation.
        foreach (var pattern in patterns)
        {
            _ = Compile(file, key, pattern, PatternOptions);
        }

        return Compile(file, key, string.Join('|', patterns.Select(p => $"(?:{p})")), options);
    }

    private static LexiconTerm CompileTerm(string file, TermDefinition term, RegexOptions options)
    {
        var label = term.Element ?? term.Technology ?? string.Join('|', term.Match);
        if (!Enum.TryParse<ElementKind>(term.Kind, ignoreCase: true, out var kind))
        {
            throw new CatalogException(file, $"term '{label}': unknown kind '{term.Kind}'");
        }

        BoundaryKind? boundary = null;
        if (term.Boundary is not null)
        {
            boundary = Enum.TryParse<BoundaryKind>(term.Boundary.Replace("-", ""), ignoreCase: true, out var parsed)
                ? parsed
                : throw new CatalogException(file, $"term '{label}': unknown boundary '{term.Boundary}'");
        }

        var pattern = @"(?<![\w-])(?:" + string.Join('|', term.Match) + @")(?![\w-])";
        return new LexiconTerm(Compile(file, label, pattern, options), term.Element, kind, term.Technology, boundary, Anchors([pattern]));
    }

    private static DataTerm CompileDataTerm(string file, DataTermDefinition term, RegexOptions options)
    {
        if (!Enum.TryParse<Classification>(term.Classification, ignoreCase: true, out var classification))
        {
            throw new CatalogException(file, $"data term '{term.Name}': unknown classification '{term.Classification}'");
        }

        var pattern = @"(?<![\w-])(?:" + string.Join('|', term.Match) + @")(?![\w-])";
        return new DataTerm(term.Name, Compile(file, term.Name, pattern, options), classification, term.Tags, Anchors([pattern]));
    }

    private static Regex Compile(string file, string owner, string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new CatalogException(file, $"'{owner}': invalid pattern {pattern}: {e.Message}", e);
        }
    }
}

/// <summary>A compiled lexicon term (technology or actor); <paramref name="Anchors"/> as in <see cref="Signal"/>.</summary>
public sealed record LexiconTerm(Regex Pattern, string? Element, ElementKind Kind, string? Technology, BoundaryKind? Boundary, SearchValues<string>? Anchors = null);

/// <summary>A compiled data term; <paramref name="Anchors"/> as in <see cref="Signal"/>.</summary>
public sealed record DataTerm(string Name, Regex Pattern, Classification Classification, IReadOnlyList<string> Tags, SearchValues<string>? Anchors = null);
