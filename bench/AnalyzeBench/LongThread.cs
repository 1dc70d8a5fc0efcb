using Vigil.Ingestion.Sources;
using Vigil.ThreatModel.Sources;

namespace Vigil.Bench;

/// <summary>
/// A long, realistic thread: the corpus threads' messages one after another until the count is reached, so the
/// text has the length, code blocks and vocabulary of real design chat.
/// </summary>
internal static class LongThread
{
    public static List<SourceDocument> Build(string corpus, int count)
    {
        var messages = Directory.EnumerateDirectories(corpus)
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "thread.json"))
            .Where(File.Exists)
            .SelectMany(path => ThreadFile.Parse(Path.GetFileName(path), File.ReadAllText(path), 0).Messages)
            .ToList();
        if (messages.Count == 0)
        {
            throw new DirectoryNotFoundException($"{corpus}: no thread.json files to build a thread from");
        }

        return Enumerable.Range(0, count)
            .Select(i => messages[i % messages.Count] with { Id = $"long-thread.json#{i + 1}", Order = i })
            .ToList();
    }
}
