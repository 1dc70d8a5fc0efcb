using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;
using static Vigil.ChatAgent.Conversation.Digest.DigestText;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>Where the risk sits now: the riskiest services, high risks left open too long, and the controls they touch.</summary>
internal static class DigestStanding
{
    public const int MaxServices = 5;
    public const int MaxStale = 10;
    public const int StaleAfterDays = 14;
    public const int ControlsListed = 3;

    /// <summary>Threads ranked by the summed score of their open findings; one block each, a link when the platform gave one.</summary>
    public static IEnumerable<ReplyBlock> TopServices(DigestWeek now)
    {
        var ranked = now.Threads
            .Select(t => (Thread: t, Open: t.Analysis.Findings.Where(f => now.IsOpen(f.Id)).ToList()))
            .Select(t => (t.Thread, t.Open, Score: Math.Round(t.Open.Sum(f => f.Score), 1)))
            .Where(t => t.Score > 0)
            .OrderByDescending(t => t.Score).ThenBy(t => t.Thread.Name, StringComparer.Ordinal)
            .Take(MaxServices)
            .ToList();
        if (ranked.Count == 0)
        {
            yield return new Paragraph("No open risks in any design.");
            yield break;
        }

        for (var i = 0; i < ranked.Count; i++)
        {
            var (thread, open, score) = ranked[i];
            var label = $"{i + 1}. {thread.Name} — risk {Score(score)} ({open.Count} open, {open.Count(f => f.Severity >= Severity.High)} high or critical)";
            yield return thread.Link is null ? new Paragraph(label) : new LinkLine(label, thread.Link);
        }
    }

    public static ReplyBlock Stale(DigestInput input, DigestWeek now)
    {
        var lines = now.Open
            .Where(f => f.IsHigh && input.FirstSeen.TryGetValue(f.Id, out var first) && input.Now - first > TimeSpan.FromDays(StaleAfterDays))
            .Select(f => (f, Days: (int)(input.Now - input.FirstSeen[f.Id]).TotalDays))
            .OrderByDescending(s => s.Days).ThenByDescending(s => s.f.Finding.Score)
            .Select(s => $"{Finding(s.f.Finding)} — {SeverityWord(s.f.Finding.Severity)} {Score(s.f.Finding.Score)}, open {s.Days} days, in {s.f.Thread.Name}")
            .ToList();
        return lines.Count == 0
            ? new Paragraph($"No high or critical risk has been open longer than {StaleAfterDays} days.")
            : new Bullets(Limit(lines, MaxStale));
    }

    /// <summary>Per framework, the distinct controls the open high and critical risks touch, the most touched first.</summary>
    public static IEnumerable<ReplyBlock> Compliance(DigestWeek now)
    {
        var high = now.Open.Where(f => f.IsHigh).Select(f => f.Finding.Compliance).ToList();
        var lines = new (string Name, string Unit, Func<ComplianceMapping, IReadOnlyList<string>> Controls)[]
            {
                ("NIST SP 800-53", "controls", c => c.Nist80053),
                ("PCI DSS", "requirements", c => c.PciDss),
                ("ISO/IEC 27001", "controls", c => c.Iso27001),
            }
            .Select(framework => (framework, Touched: high.SelectMany(c => framework.Controls(c).Distinct()).CountBy(id => id)
                .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList()))
            .Where(f => f.Touched.Count > 0)
            .Select(f => $"{f.framework.Name}: {f.Touched.Count} {f.framework.Unit} — "
                + string.Join(", ", f.Touched.Take(ControlsListed).Select(c => $"{c.Key} ×{c.Value}"))
                + (f.Touched.Count > ControlsListed ? ", …" : ""))
            .ToList();
        if (lines.Count == 0)
        {
            yield return new Paragraph("No open high or critical risk maps to a NIST 800-53, PCI DSS or ISO 27001 control.");
            yield break;
        }

        yield return new Paragraph($"{high.Count} open high or critical {(high.Count == 1 ? "risk touches" : "risks touch")}:");
        yield return new Bullets(lines);
    }
}
