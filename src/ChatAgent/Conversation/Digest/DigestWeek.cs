using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>A finding of the workspace and the thread it scores worst in.</summary>
internal sealed record TrackedFinding(Finding Finding, DigestThread Thread)
{
    public string Id => Finding.Id;

    public bool IsHigh => Finding.Severity >= Severity.High;
}

/// <summary>
/// The workspace's findings at one moment, each id once: decisions are made per finding id across the workspace, so
/// two threads describing the same service must not count its risk twice.
/// </summary>
internal sealed class DigestWeek
{
    private readonly IReadOnlyDictionary<string, FindingDecision> decisions;
    private readonly DateTimeOffset at;

    public DigestWeek(IReadOnlyList<DigestThread> threads, IReadOnlyDictionary<string, FindingDecision> decisions, DateTimeOffset at)
    {
        Threads = threads;
        this.decisions = decisions;
        this.at = at;
        var byId = new Dictionary<string, TrackedFinding>(StringComparer.Ordinal);
        foreach (var thread in threads)
        {
            foreach (var finding in thread.Analysis.Findings)
            {
                if (!byId.TryGetValue(finding.Id, out var known) || finding.Score > known.Finding.Score)
                {
                    byId[finding.Id] = new TrackedFinding(finding, thread);
                }
            }
        }

        Findings = byId;
        Open = byId.Values.Where(f => IsOpen(f.Id)).OrderByDescending(f => f.Finding.Severity)
            .ThenByDescending(f => f.Finding.Score).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<DigestThread> Threads { get; }

    public IReadOnlyDictionary<string, TrackedFinding> Findings { get; }

    /// <summary>Findings nobody has closed, worst first.</summary>
    public IReadOnlyList<TrackedFinding> Open { get; }

    public int OpenHigh => Open.Count(f => f.IsHigh);

    /// <summary>The summed score of open findings, to one decimal as people read it.</summary>
    public double OpenScore => Math.Round(Open.Sum(f => f.Finding.Score), 1);

    public bool IsOpen(string findingId) => IsOpen(decisions.GetValueOrDefault(findingId), at);

    /// <summary>No decision, a reopening, or an accepted risk whose acceptance ran out: the risk is still there.</summary>
    public static bool IsOpen(FindingDecision? decision, DateTimeOffset at) => decision switch
    {
        null => true,
        { Status: FindingStatus.Open } => true,
        { Status: FindingStatus.Accepted, ExpiresAt: { } expires } => expires <= at,
        _ => false,
    };
}
