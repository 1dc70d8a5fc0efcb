using System.CommandLine;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Knowledge;

namespace Vigil.ChatAgent.Cli;

/// <summary>The <c>--catalog DIR</c> option shared by analyze and eval: a folder of rules and lexicons over the embedded ones.</summary>
internal static class CatalogOption
{
    public static Option<string?> Create() =>
        new("--catalog") { Description = "Folder of YAML rules/signals/lexicons that add to or replace the embedded catalogue." };

    public static ThreatAnalyzer? Analyzer(string? directory, TextWriter error)
    {
        try
        {
            return directory is null ? ThreatAnalyzer.Default : new ThreatAnalyzer(Catalog.Load(directory));
        }
        catch (CatalogException e)
        {
            error.WriteLine($"vigil: catalog {e.Message}");
            return null;
        }
    }
}
