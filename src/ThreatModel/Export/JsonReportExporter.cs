using Vigil.ThreatModel.Analysis;

namespace Vigil.ThreatModel.Export;

/// <summary><c>--format json</c>: the machine-readable contract other tools and checks rely on.</summary>
public sealed class JsonReportExporter : IReportExporter
{
    public string Format => "json";

    public string FileExtension => ".json";

    public string Export(AnalysisResult result) => AnalysisJson.Serialize(result) + "\n";
}
