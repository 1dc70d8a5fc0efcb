using System.Text;
using System.Text.Json;
using Vigil.Retrieval.Index;

namespace Vigil.ChatAgent.Cli;

/// <summary>Renders an answer: the findings that matter, then the passages it rests on, each with where it was said.</summary>
internal static class AskAnswer
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Text(IReadOnlyList<AskFinding> findings, IReadOnlyList<SearchHit> passages)
    {
        var answer = new StringBuilder();
        if (findings.Count == 0)
        {
            answer.AppendLine("No finding in this scope yet; the closest things said:");
        }

        foreach (var finding in findings)
        {
            answer.AppendLine($"[{finding.Severity} {finding.Score:0.0}] {finding.Title} — {finding.Component} ({finding.Id})");
            answer.AppendLine($"  why: {finding.Why}");
            if (finding.Fix.Length > 0)
            {
                answer.AppendLine($"  fix: {finding.Fix}");
            }
        }

        if (passages.Count > 0)
        {
            answer.AppendLine().AppendLine("Sources:");
            foreach (var hit in passages)
            {
                answer.AppendLine($"  #{hit.Chunk.Scope.Channel} {hit.Chunk.Source}: {Shorten(hit.Chunk.Text)}");
            }
        }

        return answer.ToString().TrimEnd();
    }

    public static string Json(string question, SearchScope scope, IReadOnlyList<AskFinding> findings, IReadOnlyList<SearchHit> passages) =>
        JsonSerializer.Serialize(new
        {
            question,
            scope = new { scope.Workspace, scope.Channel, scope.Thread },
            findings = findings.Select(f => new { f.Id, f.Title, f.Severity, f.Score, f.Component, f.Why, f.Fix, evidence = f.EvidenceSource }),
            sources = passages.Select(p => new
            {
                p.Chunk.Source,
                p.Chunk.Scope.Channel,
                p.Chunk.Scope.Thread,
                p.Chunk.Scope.Message,
                p.Chunk.Text,
                p.Score,
            }),
        }, Indented);

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
