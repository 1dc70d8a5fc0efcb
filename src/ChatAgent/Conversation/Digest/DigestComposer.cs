using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>
/// Writes the weekly risk digest that leadership and security engineers read: the trend, what is new, what was
/// resolved, where the risk sits, what has been open too long and which controls it touches. Pure: the same input
/// always gives the same reply.
/// </summary>
public static class DigestComposer
{
    public static Reply Compose(DigestInput input)
    {
        var now = new DigestWeek(input.ThisWeek, input.Decisions, input.Now);
        var decisionsThen = input.DecisionsAWeekAgo
            ?? input.Decisions.Values.Where(d => d.At <= input.WeekAgo).ToDictionary(d => d.FindingId, StringComparer.Ordinal);
        var then = new DigestWeek(input.LastWeek, decisionsThen, input.WeekAgo);
        var heading = $"Weekly risk digest — week of {DigestText.Date(input.WeekAgo)}";

        List<ReplyBlock> blocks =
        [
            new Heading(heading),
            new Paragraph(DigestTrend.Paragraph(now, then)),
            new Divider(),
            new Heading("New this week"),
            .. DigestChanges.New(now, then, DesignChanged(input)),
            new Heading("Resolved this week"),
            DigestChanges.Resolved(input, now, then),
            new Heading("Top services by risk"),
            .. DigestStanding.TopServices(now),
            new Heading($"High risks open longer than {DigestStanding.StaleAfterDays} days"),
            DigestStanding.Stale(input, now),
            new Heading("Compliance impact"),
            .. DigestStanding.Compliance(now),
            new Divider(),
            new Note("To act on a finding: /threat status <id> mitigated \"reason\" (or accepted / false-positive, also with a reason). Every decision is kept in the audit log."),
        ];
        return new Reply(DigestTrend.Fallback(heading, now, then), blocks);
    }

    // The same thread versions a week apart: nobody touched a design, which the digest says in so many words.
    private static bool DesignChanged(DigestInput input) =>
        !input.ThisWeek.Select(t => (t.Key, t.Version)).ToHashSet().SetEquals(input.LastWeek.Select(t => (t.Key, t.Version)));
}
