namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

/// <summary>Files of the shared threat-modeling corpus.</summary>
internal static class CorpusFiles
{
    public static string Read(string caseId, string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, caseId, file));
}
