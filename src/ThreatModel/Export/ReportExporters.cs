namespace Vigil.ThreatModel.Export;

/// <summary>Every exporter Vigil ships, looked up by the format name users type.</summary>
public static class ReportExporters
{
    public static IReadOnlyList<IReportExporter> All { get; } =
    [
        new JsonReportExporter(),
        new MarkdownReportExporter(),
        new SarifReportExporter(),
        new ThreatDragonExporter(),
        new MermaidExporter(),
    ];

    /// <summary>The exporter for a format name (case-insensitive), or null when there is none.</summary>
    public static IReportExporter? For(string format) =>
        All.FirstOrDefault(e => string.Equals(e.Format, format.Trim(), StringComparison.OrdinalIgnoreCase));
}
