using Vigil.ThreatModel.Analysis;

namespace Vigil.ThreatModel.Export;

/// <summary>Turns one analysis into a document for people or tools. Same input, byte-identical output.</summary>
public interface IReportExporter
{
    /// <summary>The name users pass to <c>--format</c>: json, md, sarif, threatdragon, mermaid.</summary>
    string Format { get; }

    /// <summary>The file extension an exported document is saved with, dot included.</summary>
    string FileExtension { get; }

    string Export(AnalysisResult result);
}
