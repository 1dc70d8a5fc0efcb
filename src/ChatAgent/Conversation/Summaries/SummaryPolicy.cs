using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Summaries;

/// <summary>
/// When a thread's risk changed enough to speak. A new open finding at or above the channel's threshold, or a shown
/// one whose severity rose, is worth a post — one per thread, edited afterwards, and a fresh post at most every
/// <c>MinPostInterval</c>. A finding that left the design or was decided only updates an existing summary.
/// Accepted, mitigated and false-positive findings are never announced.
/// </summary>
public static class SummaryPolicy
{
    public static SummaryDecision Decide(SummaryState state, IReadOnlyList<RiskItem> findings, Severity threshold, DateTimeOffset now, TimeSpan minPostInterval)
    {
        var open = findings.Where(f => f.IsOpen).ToDictionary(f => f.Finding.Id, f => f.Finding);
        var announced = state.Announced.ToDictionary(a => a.Id);
        var fresh = open.Values.Where(f => f.Severity >= threshold && !announced.ContainsKey(f.Id)).ToList();
        var raised = open.Values.Where(f => announced.TryGetValue(f.Id, out var a) && f.Severity > a.Severity).ToList();
        var still = open.Values.Where(f => announced.ContainsKey(f.Id) && !raised.Contains(f)).ToList();
        var resolved = state.Announced.Where(a => !open.ContainsKey(a.Id)).ToList();
        var material = fresh.Count > 0 || raised.Count > 0;

        var action = state.MessageId is null
            ? material && (state.PostedAt is null || now - state.PostedAt >= minPostInterval) ? SummaryAction.Post : SummaryAction.None
            : material || resolved.Count > 0 ? SummaryAction.Update : SummaryAction.None;
        return new SummaryDecision(action, Order(fresh), Order(raised), Order(still), resolved);
    }

    private static List<Finding> Order(IEnumerable<Finding> findings) =>
        findings.OrderByDescending(f => f.Severity).ThenByDescending(f => f.Score).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
}

public enum SummaryAction
{
    None,
    Post,
    Update,
}

/// <summary>What to do and what the summary shows: new, raised, still open (shown before) and resolved findings.</summary>
public sealed record SummaryDecision(
    SummaryAction Action,
    IReadOnlyList<Finding> New,
    IReadOnlyList<Finding> Raised,
    IReadOnlyList<Finding> StillOpen,
    IReadOnlyList<AnnouncedFinding> Resolved);
