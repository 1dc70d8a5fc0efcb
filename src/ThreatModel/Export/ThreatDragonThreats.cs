using System.Text;
using System.Text.Json.Nodes;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>A finding as a Threat Dragon v2 threat: one STRIDE type, High/Medium/Low, Open/Mitigated/NA.</summary>
internal static class ThreatDragonThreats
{
    public static JsonObject From(Finding f, int number) => new()
    {
        ["id"] = DeterministicUuid.From("vigil:finding:" + f.Id),
        ["title"] = f.Title,
        ["status"] = Status(f.Status),
        ["severity"] = SeverityWord(f.Severity),
        // Threat Dragon holds one category per threat; the others are listed in the description.
        ["type"] = f.Stride.Count > 0 ? Labels.Words(f.Stride[0]) : Labels.Words(Stride.Tampering),
        ["description"] = Description(f),
        ["mitigation"] = string.Join('\n', f.Mitigations),
        ["modelType"] = "STRIDE",
        ["new"] = false,
        ["number"] = number,
        ["score"] = Scores.Text(f.Score),
    };

    public static string Status(FindingStatus status) => status switch
    {
        FindingStatus.Open => "Open",
        FindingStatus.Mitigated => "Mitigated",
        _ => "NA",
    };

    // Threat Dragon 2.x before 2.4 knows only High, Medium and Low; critical findings are its High.
    private static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "High",
        Severity.Medium => "Medium",
        _ => "Low",
    };

    private static string Description(Finding f)
    {
        var sb = new StringBuilder(f.Description);
        sb.Append("\n\nWhy this score: ").Append(f.Rationale);
        sb.Append("\nSTRIDE: ").AppendJoin(", ", f.Stride.Select(Labels.Words));
        if (f.Cwe.Count > 0)
        {
            sb.Append("\nCWE: ").AppendJoin(", ", f.Cwe.Select(c => $"CWE-{c}"));
        }

        if (f.Capec.Count > 0)
        {
            sb.Append("\nCAPEC: ").AppendJoin(", ", f.Capec.Select(c => $"CAPEC-{c}"));
        }

        foreach (var evidence in f.Evidence)
        {
            sb.Append("\nEvidence (").Append(evidence.Source).Append("): \"").Append(evidence.Quote).Append('"');
        }

        sb.Append("\nVigil finding ").Append(f.Id).Append(", rule ").Append(f.RuleId).Append(", status ").Append(Labels.Of(f.Status)).Append('.');
        return sb.ToString();
    }
}
