using Vigil.ThreatModel.Analysis;

namespace Vigil.ThreatModel.Export;

/// <summary><c>--format mermaid</c>: the data flow diagram alone, ready for a <c>.mmd</c> file or a Markdown fence.</summary>
public sealed class MermaidExporter : IReportExporter
{
    public string Format => "mermaid";

    public string FileExtension => ".mmd";

    public string Export(AnalysisResult result) => DataFlowDiagram.Build(result.Model);
}
