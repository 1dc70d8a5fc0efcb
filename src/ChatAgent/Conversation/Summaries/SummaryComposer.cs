using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Summaries;

/// <summary>The living summary's text: what is new or worse first, then what is still open, then what got resolved.</summary>
public static class SummaryComposer
{
    /// <summary>Open findings shown with their details; the rest are counted.</summary>
    public const int MaxOpenShown = 6;

    public static Reply Compose(SummaryDecision decision, IReadOnlyDictionary<string, FindingView> views, IReadOnlyList<AnnouncedFinding> resolved, DateTimeOffset now)
    {
        var open = decision.New.Concat(decision.Raised).Concat(decision.StillOpen).ToList();
        var parts = new List<string>();
        if (decision.New.Count > 0)
        {
            parts.Add($"{decision.New.Count} new ({Severities(decision.New)})");
        }

        if (decision.Raised.Count > 0)
        {
            parts.Add($"{decision.Raised.Count} got worse");
        }

        if (decision.StillOpen.Count > 0)
        {
            parts.Add($"{decision.StillOpen.Count} still open");
        }

        var accepted = resolved.Count(r => r.Decided == FindingStatus.Accepted);
        if (resolved.Count - accepted > 0)
        {
            parts.Add($"{resolved.Count - accepted} resolved");
        }

        if (accepted > 0)
        {
            parts.Add($"{accepted} accepted as a risk");
        }

        var headline = $"Risk summary for this thread: {string.Join(", ", parts)}.";
        var blocks = new List<ReplyBlock> { new Paragraph(headline) };
        foreach (var finding in open.Take(MaxOpenShown))
        {
            var change = decision.New.Contains(finding) ? FindingChange.New : decision.Raised.Contains(finding) ? FindingChange.Raised : FindingChange.None;
            blocks.Add(new FindingBlock(views[finding.Id], change, WithActions: true));
        }

        if (open.Count > MaxOpenShown)
        {
            blocks.Add(new Note($"{open.Count - MaxOpenShown} more open — @Vigil what are the risks here? lists them"));
        }

        foreach (var gone in resolved)
        {
            // An accepted risk is shown as accepted (it is still there), never as mitigated.
            var status = gone.Decided ?? FindingStatus.Mitigated;
            var view = new FindingView(gone.Id, gone.Title, gone.Severity, 0, gone.Component, gone.Why ?? "No longer in the design.", [], [], status, ComplianceMapping.None);
            blocks.Add(new FindingBlock(view, gone.Decided == FindingStatus.Accepted ? FindingChange.None : FindingChange.Resolved, WithActions: false));
        }

        blocks.Add(new Note($"Updated {now:yyyy-MM-dd HH:mm} UTC. I edit this message as the thread changes · /threat unwatch to stop."));
        return new Reply(headline, blocks);
    }

    private static string Severities(IEnumerable<Finding> findings) =>
        string.Join(", ", findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
}
