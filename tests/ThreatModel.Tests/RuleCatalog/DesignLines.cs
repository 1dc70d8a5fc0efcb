using System.Text.Json;

namespace Vigil.ThreatModel.Tests.RuleCatalog;

/// <summary>Every line of every thread (and design doc) in the corpus and the holdout: real phrasing to test patterns on.</summary>
internal static class DesignLines
{
    public static List<string> Read(bool includeDesignDocs)
    {
        var folders = Directory.EnumerateDirectories(RepositoryPaths.Corpus)
            .Concat(Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "tests", "ChatAgent.Tests", "Holdout")));
        var lines = new List<string>();
        foreach (var folder in folders)
        {
            var design = Path.Combine(folder, "design.md");
            if (includeDesignDocs && File.Exists(design))
            {
                lines.AddRange(File.ReadAllLines(design));
            }

            var thread = Path.Combine(folder, "thread.json");
            if (File.Exists(thread))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(thread));
                lines.AddRange(document.RootElement.EnumerateArray().SelectMany(m => m.GetProperty("text").GetString()!.Split('\n')));
            }
        }

        return lines;
    }
}
