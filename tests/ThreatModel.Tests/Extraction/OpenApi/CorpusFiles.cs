namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

/// <summary>The shared threat-modeling corpus, next to the repository (../shared/corpus from the folder holding ChatAgent.sln).</summary>
internal static class CorpusFiles
{
    public static string Read(string caseId, string file) => File.ReadAllText(Path.Combine(CorpusDirectory(), caseId, file));

    private static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatAgent.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            }
        }

        throw new DirectoryNotFoundException($"no ChatAgent.sln above {AppContext.BaseDirectory}");
    }
}
