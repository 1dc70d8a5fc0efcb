using Vigil.ThreatModel.Export;
using Xunit;

namespace Vigil.ThreatModel.Tests.Export;

public sealed class ReportExportersTests
{
    public static TheoryData<string> Formats => new(["json", "md", "sarif", "threatdragon", "mermaid"]);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_cli_format_has_an_exporter(string format)
    {
        var exporter = ReportExporters.For(format);

        Assert.NotNull(exporter);
        Assert.Equal(format, exporter.Format);
        Assert.StartsWith(".", exporter.FileExtension);
    }

    [Fact]
    public void Format_lookup_ignores_case_and_unknown_formats_have_no_exporter()
    {
        Assert.Same(ReportExporters.For("sarif"), ReportExporters.For("SARIF"));
        Assert.Null(ReportExporters.For("pdf"));
        Assert.Equal(5, ReportExporters.All.Select(e => e.Format).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Same_analysis_exports_byte_identical_output(string format)
    {
        var exporter = ReportExporters.For(format)!;

        var first = exporter.Export(PaymentsDesign.Analysis());
        var second = exporter.Export(PaymentsDesign.Analysis());

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first);
    }
}
