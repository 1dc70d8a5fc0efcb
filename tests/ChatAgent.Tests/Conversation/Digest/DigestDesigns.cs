using Vigil.ChatAgent.Conversation.Digest;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Sources;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

/// <summary>Real analyses of corpus designs (the analyzer over <c>design.md</c>), trimmed per test to the findings a week had.</summary>
internal static class DigestDesigns
{
    public static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-11-30T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Lazy<AnalysisResult> PaymentsAnalysis = new(() => Analyze("01-payments-webhook"));
    private static readonly Lazy<AnalysisResult> PiiExportAnalysis = new(() => Analyze("05-pii-export-sftp"));

    /// <summary>A payments webhook: several critical and high findings, most severe first.</summary>
    public static AnalysisResult Payments => PaymentsAnalysis.Value;

    /// <summary>A nightly PII export over SFTP.</summary>
    public static AnalysisResult PiiExport => PiiExportAnalysis.Value;

    public static IReadOnlyList<Finding> Critical(this AnalysisResult analysis) => [.. analysis.Findings.Where(f => f.Severity == Severity.Critical)];

    public static IReadOnlyList<Finding> HighOrCritical(this AnalysisResult analysis) => [.. analysis.Findings.Where(f => f.Severity >= Severity.High)];

    public static AnalysisResult Without(this AnalysisResult analysis, params IEnumerable<Finding> findings) =>
        analysis with { Findings = [.. analysis.Findings.Where(f => !findings.Any(g => g.Id == f.Id))] };

    public static AnalysisResult Only(this AnalysisResult analysis, params IEnumerable<Finding> findings) =>
        analysis with { Findings = [.. analysis.Findings.Where(f => findings.Any(g => g.Id == f.Id))] };

    public static DigestThread Thread(string name, AnalysisResult analysis, int version = 1, string? link = null) =>
        new($"T1/{name}/-", $"#{name}", version, link, analysis);

    public static FindingDecision Decided(Finding finding, FindingStatus status, DateTimeOffset at, string actor = "U_raj", string reason = "HMAC check added in #412", DateTimeOffset? expires = null) =>
        new("T1", finding.Id, status, reason, actor, at, expires);

    public static IReadOnlyDictionary<string, FindingDecision> Decisions(params FindingDecision[] decisions) =>
        decisions.ToDictionary(d => d.FindingId);

    private static AnalysisResult Analyze(string corpusCase) =>
        ThreatAnalyzer.Default.Analyze(
            [new SourceDocument("design.md", SourceKind.Document, File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, corpusCase, "design.md")), 0)],
            corpusCase);
}
