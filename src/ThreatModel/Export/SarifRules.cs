using System.Text;
using System.Text.Json.Nodes;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// One SARIF rule per distinct rule id, described by its first finding, with the tags and
/// <c>security-severity</c> (highest score among its findings) that GitHub code scanning reads.
/// </summary>
internal static class SarifRules
{
    public static IReadOnlyList<(string RuleId, JsonObject Rule)> From(IReadOnlyList<Finding> findings) =>
        findings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (g.Key, Rule(g.Key, g.ToList())))
            .ToList();

    private static JsonObject Rule(string ruleId, IReadOnlyList<Finding> findings)
    {
        var first = findings[0];
        var worst = findings.MaxBy(f => f.Severity)!;
        var tags = new JsonArray();
        foreach (var stride in findings.SelectMany(f => f.Stride).Distinct().Order())
        {
            tags.Add(stride.ToString());
        }

        foreach (var cwe in findings.SelectMany(f => f.Cwe).Distinct().Order())
        {
            tags.Add($"CWE-{cwe}");
        }

        tags.Add("security");
        return new JsonObject
        {
            ["id"] = ruleId,
            ["name"] = Name(ruleId),
            ["shortDescription"] = new JsonObject { ["text"] = first.Title },
            ["fullDescription"] = new JsonObject { ["text"] = first.Description },
            ["defaultConfiguration"] = new JsonObject { ["level"] = SarifLevels.Of(worst.Severity) },
            ["help"] = new JsonObject
            {
                ["text"] = HelpText(first),
                ["markdown"] = HelpMarkdown(first),
            },
            ["properties"] = new JsonObject
            {
                ["tags"] = tags,
                ["security-severity"] = Scores.Text(findings.Max(f => f.Score)),
            },
        };
    }

    private static string HelpText(Finding finding) =>
        finding.Mitigations.Count == 0
            ? finding.Description
            : $"{finding.Description}\n\nMitigations:\n{string.Join('\n', finding.Mitigations.Select(m => "- " + m))}";

    private static string HelpMarkdown(Finding finding)
    {
        var sb = new StringBuilder();
        sb.AppendJoin('\n', MarkdownText.Lines(finding.Description));
        if (finding.Mitigations.Count > 0)
        {
            sb.Append("\n\n**Mitigations**\n\n");
            sb.AppendJoin('\n', finding.Mitigations.Select(m => "- [ ] " + MarkdownText.Inline(m)));
        }

        return sb.ToString();
    }

    /// <summary>"webhook-signature-missing" → "WebhookSignatureMissing".</summary>
    private static string Name(string ruleId)
    {
        var sb = new StringBuilder(ruleId.Length);
        var startOfWord = true;
        foreach (var c in ruleId)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            sb.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return sb.Length == 0 ? "Rule" : sb.ToString();
    }
}
