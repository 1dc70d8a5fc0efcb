using Vigil.ThreatModel.Extraction;
using Vigil.ThreatModel.Extraction.OpenApi;
using Vigil.ThreatModel.Extraction.Text;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Rules;
using Vigil.ThreatModel.Scoring;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Analysis;

/// <summary>Sources in, model + scored findings + attack paths out. Pure: no network, no database.</summary>
/// <param name="enrichers">Extractors that read every source after the primary one (an LLM extractor, a paraphrase matcher).</param>
public sealed class ThreatAnalyzer(Catalog catalog, IReadOnlyList<ISourceExtractor>? enrichers = null)
{
    private readonly RuleEngine engine = new(catalog);

    private static readonly Lazy<ThreatAnalyzer> DefaultInstance = new(() => new ThreatAnalyzer(Catalog.Default));
    private static readonly Lazy<ThreatAnalyzer> CompiledInstance = new(() => new ThreatAnalyzer(Catalog.DefaultCompiled));

    /// <summary>The analyzer over the embedded catalogue; throws <see cref="CatalogException"/> if that catalogue is broken.</summary>
    public static ThreatAnalyzer Default => DefaultInstance.Value;

    /// <summary>The rules, signals and lexicons this analyzer applies (listed by <c>/threat rules</c>).</summary>
    public Catalog Catalog => catalog;

    /// <summary>The same with compiled patterns, for processes that analyze many designs (the host, benchmarks).</summary>
    public static ThreatAnalyzer DefaultCompiled => CompiledInstance.Value;

    /// <summary>
    /// Analyzes the sources in order. A source that cannot be read raises <see cref="SourceFormatException"/>, unless
    /// <paramref name="onUnreadable"/> is given: then it is reported there, skipped, and the others are still read.
    /// </summary>
    public AnalysisResult Analyze(IEnumerable<SourceDocument> sources, string name, int version = 1, Action<SourceFormatException>? onUnreadable = null)
    {
        var builder = new SystemModelBuilder();
        // Specs first: they name the API precisely, so chat that talks about "the service" attaches to it.
        ISourceExtractor[] extractors = [new OpenApiExtractor(), new TextExtractor(catalog)];
        foreach (var source in sources.OrderBy(s => s.Kind == SourceKind.OpenApi ? 0 : 1).ThenBy(s => s.Order))
        {
            try
            {
                var extractor = extractors.FirstOrDefault(e => e.CanRead(source))
                    ?? throw new SourceFormatException(source.Id, $"no extractor reads {source.Kind} sources");
                extractor.Extract(source, builder);
            }
            catch (SourceFormatException e) when (onUnreadable is not null)
            {
                onUnreadable(e);
                continue;
            }

            foreach (var enricher in enrichers ?? [])
            {
                if (enricher.CanRead(source))
                {
                    enricher.Extract(source, builder);
                }
            }
        }

        return Analyze(builder.Build(name, version));
    }

    public AnalysisResult Analyze(SystemModel model)
    {
        var scorer = new RiskScorer(model);
        var findings = engine.Evaluate(model, scorer);
        var paths = AttackPathFinder.Find(model, findings, scorer.Reachability);
        return new AnalysisResult(model, findings, paths);
    }
}
