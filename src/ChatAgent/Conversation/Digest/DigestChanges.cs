using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;
using static Vigil.ChatAgent.Conversation.Digest.DigestText;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>What moved during the week: risks that appeared, and risks that went away or that people closed.</summary>
internal static class DigestChanges
{
    public const int MaxNew = 5;
    public const int MaxResolved = 10;

    public static IEnumerable<ReplyBlock> New(DigestWeek now, DigestWeek then, bool designChanged)
    {
        var added = now.Open.Where(f => !then.Findings.ContainsKey(f.Id)).ToList();
        if (added.Count == 0)
        {
            yield return new Paragraph(designChanged ? "No new risks this week." : "No design changes this week.");
            yield break;
        }

        foreach (var finding in added.Take(MaxNew))
        {
            yield return new FindingBlock(View(finding.Finding), FindingChange.New, WithActions: false);
        }

        if (added.Count > MaxNew)
        {
            yield return new Paragraph($"…and {added.Count - MaxNew} more new {(added.Count - MaxNew == 1 ? "risk" : "risks")}.");
        }
    }

    /// <summary>
    /// A risk counts as resolved when someone closed it during the week (the decision still in force), or when it was
    /// open a week ago and the design no longer has it.
    /// </summary>
    public static ReplyBlock Resolved(DigestInput input, DigestWeek now, DigestWeek then)
    {
        var decided = input.Decisions.Values
            .Where(d => !DigestWeek.IsOpen(d, input.Now) && d.At > input.WeekAgo && d.At <= input.Now)
            .Select(d => (Finding: Known(d.FindingId, now, then), Decision: d))
            .Where(r => r.Finding is not null)
            .Select(r => (Finding: r.Finding!, Line: $"{DigestText.Finding(r.Finding!)} — {Closed(r.Decision)}"))
            .ToList();
        // A risk closed by a person this week is told once, with who and why, even if the design dropped it too.
        var gone = then.Open
            .Where(f => !now.Findings.ContainsKey(f.Id) && !decided.Any(d => d.Finding.Id == f.Id))
            .Select(f => (f.Finding, Line: $"{DigestText.Finding(f.Finding)} — no longer in the design of {f.Thread.Name}"));
        var lines = decided.Concat(gone)
            .OrderByDescending(r => r.Finding.Severity).ThenByDescending(r => r.Finding.Score).ThenBy(r => r.Finding.Id, StringComparer.Ordinal)
            .Select(r => r.Line)
            .ToList();
        return lines.Count == 0 ? new Paragraph("Nothing resolved this week.") : new Bullets(Limit(lines, MaxResolved));
    }

    private static Finding? Known(string id, DigestWeek now, DigestWeek then) =>
        now.Findings.GetValueOrDefault(id)?.Finding ?? then.Findings.GetValueOrDefault(id)?.Finding;

    private static string Closed(FindingDecision decision)
    {
        var what = decision.Status switch
        {
            FindingStatus.Mitigated => "mitigated",
            FindingStatus.FalsePositive => "marked a false positive",
            _ when decision.ExpiresAt is { } expires => $"risk accepted until {Date(expires)}",
            _ => "risk accepted",
        };
        return $"{what} by {decision.Actor}: “{decision.Reason}”";
    }
}
