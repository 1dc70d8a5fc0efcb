using System.Text;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>Which controls of NIST SP 800-53, PCI DSS and ISO/IEC 27001 the findings touch, control by control.</summary>
internal static class MarkdownComplianceTable
{
    private static readonly (string Name, Func<ComplianceMapping, IReadOnlyList<string>> Controls)[] Frameworks =
    [
        ("NIST SP 800-53 Rev. 5", c => c.Nist80053),
        ("PCI DSS v4.0", c => c.PciDss),
        ("ISO/IEC 27001:2022", c => c.Iso27001),
    ];

    public static void Write(StringBuilder sb, IReadOnlyList<Finding> findings)
    {
        sb.Line("## Compliance").Line();
        var rows = Frameworks.SelectMany(framework => findings
                .SelectMany(f => framework.Controls(f.Compliance).Select(control => (Control: control.Trim(), Finding: f)))
                .Where(x => x.Control.Length > 0)
                .GroupBy(x => x.Control, StringComparer.Ordinal)
                .OrderBy(g => g.Key, ControlIdComparer.Instance)
                .Select(g => (framework.Name, Control: g.Key, Findings: g.Select(x => x.Finding).Distinct().ToList())))
            .ToList();

        if (rows.Count == 0)
        {
            sb.Line("No finding maps to a compliance control.").Line();
            return;
        }

        sb.Line("| Framework | Control | Findings |").Line("|---|---|---|");
        foreach (var (framework, control, related) in rows)
        {
            var cell = string.Join("; ", related.Select(f => $"{MarkdownText.Cell(f.Id)} {MarkdownText.Cell(f.Title)}"));
            sb.Line($"| {framework} | {MarkdownText.Cell(control)} | {cell} |");
        }

        sb.Line();
    }
}
