using Vigil.ThreatModel.Extraction.Text;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.Extraction.Text;

/// <summary>Reads chat messages as one thread with the embedded catalogue, the way the analyzer does.</summary>
internal static class ThreadReader
{
    public static SystemModel Read(params string[] messages)
    {
        var extractor = new TextExtractor(Catalog.Default);
        var builder = new SystemModelBuilder();
        for (var i = 0; i < messages.Length; i++)
        {
            extractor.Extract(new SourceDocument($"thread.json#{i + 1}", SourceKind.Message, messages[i], i), builder);
        }

        return builder.Build("test");
    }

    /// <summary>The last statement of a fact: later messages override earlier ones.</summary>
    public static Fact? FactOf(SystemModel model, string key) => model.Facts.LastOrDefault(f => f.Key == key);
}
