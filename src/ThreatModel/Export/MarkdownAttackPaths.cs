using System.Text;
using Vigil.ThreatModel.Analysis;

namespace Vigil.ThreatModel.Export;

/// <summary>How an attacker gets from where they start to the data they want, hop by hop, by display name.</summary>
internal static class MarkdownAttackPaths
{
    public static void Write(StringBuilder sb, AnalysisResult result)
    {
        sb.Line("## Attack paths").Line();
        if (result.AttackPaths.Count == 0)
        {
            sb.Line("No attack path from an untrusted zone to sensitive data was found.").Line();
            return;
        }

        for (var i = 0; i < result.AttackPaths.Count; i++)
        {
            var path = result.AttackPaths[i];
            var hops = string.Join(" → ", path.Hops.Select(h => MarkdownText.Inline(result.Model.FindElement(h)?.Name ?? h)));
            var data = string.IsNullOrWhiteSpace(path.TargetData) ? "" : $" — reaches {MarkdownText.Inline(path.TargetData)}";
            sb.Line($"{i + 1}. **{hops}**{data}");
            foreach (var weakness in path.Weaknesses)
            {
                sb.Line($"   - {MarkdownText.Inline(weakness)}");
            }
        }

        sb.Line();
    }
}
