using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Retrieval.Index;

namespace Vigil.ChatAgent.Cli;

/// <summary>A finding of a stored analysis, as much of it as an answer shows.</summary>
internal sealed record AskFinding(string Id, string Title, string Severity, double Score, string Component, string Why, string Fix, string EvidenceSource, double Relevance);

/// <summary>
/// Picks the findings that answer a question: those whose component or title shares words with it, or whose evidence
/// is among the passages retrieved for it; the rest of the scope's findings follow by score when the question is
/// general ("what are the risks here?").
/// </summary>
internal static partial class AskFindings
{
    public const int MaxShown = 5;

    public static List<AskFinding> Relevant(string question, IEnumerable<string> analyses, IReadOnlyList<SearchHit> passages)
    {
        var words = Words(question);
        var retrievedSources = passages.Select(p => p.Chunk.Source).ToHashSet(StringComparer.Ordinal);
        var findings = new Dictionary<string, AskFinding>(StringComparer.Ordinal);
        foreach (var json in analyses)
        {
            using var analysis = JsonDocument.Parse(json);
            foreach (var finding in analysis.RootElement.GetProperty("findings").EnumerateArray())
            {
                var read = Read(finding, words, retrievedSources);
                findings.TryAdd(read.Id, read);
            }
        }

        return findings.Values.OrderByDescending(f => f.Relevance).ThenByDescending(f => f.Score).Take(MaxShown).ToList();
    }

    private static AskFinding Read(JsonElement finding, HashSet<string> questionWords, HashSet<string> retrievedSources)
    {
        string Text(string name) => finding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var title = Text("title");
        var component = Text("component");
        var evidence = finding.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
        var mitigations = finding.TryGetProperty("mitigations", out var m) && m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        var shared = Words($"{title} {component}").Count(questionWords.Contains);
        var relevance = shared + (retrievedSources.Contains(evidence) ? 1.5 : 0);
        return new AskFinding(Text("id"), title, Text("severity"), finding.TryGetProperty("score", out var score) ? score.GetDouble() : 0,
            component, Text("rationale") is { Length: > 0 } why ? why : Text("description"), mitigations.FirstOrDefault() ?? "", evidence, relevance);
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 3 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "what", "that", "this", "with", "there", "here", "about", "risks", "risk", "does", "have", "should", "could", "would", "from", "vigil" };

    [GeneratedRegex(@"[a-z0-9][a-z0-9._-]*")]
    private static partial Regex WordPattern();
}
