using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Sources;

namespace Vigil.Bench;

/// <summary>The messages of every thread.json under a corpus folder, split roughly into sentences.</summary>
internal static class CorpusSentences
{
    public static IEnumerable<(string Case, string Text)> All(string corpus) =>
        Threads(corpus).SelectMany(t => t.Messages.SelectMany(m => Split(m.Text)).Select(s => (t.Case, s)));

    public static double PerMessage(string corpus)
    {
        var messages = Threads(corpus).SelectMany(t => t.Messages).ToList();
        return messages.Sum(m => Split(m.Text).Count()) / (double)messages.Count;
    }

    public static IEnumerable<string> Split(string text) =>
        text.Split(['\n', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 12);

    private static IEnumerable<(string Case, List<SourceDocument> Messages)> Threads(string corpus) =>
        Directory.EnumerateDirectories(corpus).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "thread.json")))
            .Select(d => (Path.GetFileName(d), ThreadFile.Parse("thread.json", File.ReadAllText(Path.Combine(d, "thread.json")), 0).Messages));
}
