using Vigil.ChatAgent.Conversation.Digest;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;
using static Vigil.ChatAgent.Tests.Conversation.Digest.DigestDesigns;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

public sealed class DigestComposerTests
{
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoSightings = new Dictionary<string, DateTimeOffset>();
    private static readonly IReadOnlyDictionary<string, FindingDecision> NoDecisions = new Dictionary<string, FindingDecision>();

    private static Reply Compose(
        IReadOnlyList<DigestThread> thisWeek,
        IReadOnlyList<DigestThread> lastWeek,
        IReadOnlyDictionary<string, FindingDecision>? decisions = null,
        IReadOnlyDictionary<string, DateTimeOffset>? firstSeen = null) =>
        DigestComposer.Compose(new DigestInput(Monday, thisWeek, lastWeek, firstSeen ?? NoSightings, decisions ?? NoDecisions));

    [Fact]
    public void The_heading_names_the_week_the_digest_covers()
    {
        var reply = Compose([Thread("payments", Payments)], [Thread("payments", Payments)]);

        Assert.Equal("Weekly risk digest — week of 23 Nov 2026", Assert.IsType<Heading>(reply.Blocks[0]).Text);
        Assert.StartsWith("Weekly risk digest — week of 23 Nov 2026: ", reply.Fallback);
    }

    [Fact]
    public void New_this_week_shows_the_five_worst_new_risks_without_buttons_and_counts_the_rest()
    {
        var severe = Payments.HighOrCritical().OrderByDescending(f => f.Severity).ThenByDescending(f => f.Score).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        Assert.True(severe.Count > 6, "the payments design should have more than six high or critical findings");

        var reply = Compose([Thread("payments", Payments, version: 2)], [Thread("payments", Payments.Without(severe), version: 1)]);

        var section = reply.Section("New this week");
        var shown = section.OfType<FindingBlock>().ToList();
        Assert.Equal(severe.Take(5).Select(f => f.Id), shown.Select(b => b.Finding.Id));
        Assert.All(shown, b => Assert.Equal(FindingChange.New, b.Change));
        Assert.All(shown, b => Assert.False(b.WithActions));
        Assert.Equal($"…and {severe.Count - 5} more new risks.", Assert.IsType<Paragraph>(section[^1]).Text);
    }

    [Fact]
    public void A_new_risk_someone_already_closed_is_not_reported_as_new()
    {
        var worst = Payments.Findings[0];
        var decisions = Decisions(Decided(worst, FindingStatus.FalsePositive, Monday.AddDays(-1), reason: "test keys only"));

        var reply = Compose([Thread("payments", Payments.Only(worst, Payments.Findings[1]), version: 2)], [Thread("payments", Payments.Only(), version: 1)], decisions);

        Assert.Equal([$"{Payments.Findings[1].Id} {Payments.Findings[1].Title}"], reply.Lines("New this week"));
    }

    [Fact]
    public void A_week_without_design_changes_says_so_plainly()
    {
        var reply = Compose([Thread("payments", Payments, version: 3)], [Thread("payments", Payments, version: 3)]);

        Assert.Equal(["No design changes this week."], reply.Lines("New this week"));
        Assert.Equal(["Nothing resolved this week."], reply.Lines("Resolved this week"));
        Assert.Contains("unchanged from a week ago", reply.Trend());
        Assert.Contains("(=)", reply.Fallback);
    }

    [Fact]
    public void More_open_severe_risks_than_a_week_ago_show_an_up_arrow_with_both_numbers()
    {
        var critical = Payments.Critical();
        var now = Payments.Only(critical[0], critical[1], critical[2]);
        var then = Payments.Only(critical[0]);

        var reply = Compose([Thread("payments", now, version: 2)], [Thread("payments", then, version: 1)]);

        var scoreNow = critical.Take(3).Sum(f => f.Score);
        Assert.Contains("Open high and critical risks: 3, ▲ 2 from 1 a week ago.", reply.Trend());
        Assert.Contains($"Total open risk score: {scoreNow:0.0}, ▲ {scoreNow - critical[0].Score:0.0} from {critical[0].Score:0.0} a week ago.", reply.Trend());
        Assert.Contains("3 open high/critical risks (▲2)", reply.Fallback);
    }

    [Fact]
    public void Closing_risks_during_the_week_shows_a_down_arrow()
    {
        var critical = Payments.Critical();
        var design = Payments.Only(critical[0], critical[1], critical[2]);
        var decisions = Decisions(
            Decided(critical[1], FindingStatus.Mitigated, Monday.AddDays(-2)),
            Decided(critical[2], FindingStatus.Accepted, Monday.AddDays(-1), actor: "U_ciso", reason: "partner migrates in Q1", expires: Monday.AddDays(60)));

        var reply = Compose([Thread("payments", design, version: 1)], [Thread("payments", design, version: 1)], decisions);

        Assert.Contains("Open high and critical risks: 1, ▼ 2 from 3 a week ago.", reply.Trend());
        Assert.Contains($"Total open risk score: {critical[0].Score:0.0}, ▼ {critical[1].Score + critical[2].Score:0.0} from", reply.Trend());
    }

    [Fact]
    public void Resolved_this_week_says_who_closed_what_and_why_and_what_left_the_design()
    {
        var critical = Payments.Critical();
        var (mitigated, accepted, dropped, closedLongAgo) = (critical[0], critical[1], critical[2], critical[3]);
        var thenDesign = Payments.Only(mitigated, accepted, dropped, closedLongAgo);
        var decisions = Decisions(
            Decided(mitigated, FindingStatus.Mitigated, Monday.AddDays(-2)),
            Decided(accepted, FindingStatus.Accepted, Monday.AddDays(-1), actor: "U_ciso", reason: "partner migrates in Q1", expires: Monday.AddDays(30)),
            Decided(closedLongAgo, FindingStatus.FalsePositive, Monday.AddDays(-20), actor: "U_ana", reason: "internal only"));

        var reply = Compose([Thread("payments", thenDesign.Without(dropped), version: 2)], [Thread("payments", thenDesign, version: 1)], decisions);

        var lines = reply.Lines("Resolved this week");
        Assert.Contains($"{mitigated.Id} {mitigated.Title} ({mitigated.Component}) — mitigated by U_raj: “HMAC check added in #412”", lines);
        Assert.Contains($"{accepted.Id} {accepted.Title} ({accepted.Component}) — risk accepted until 30 Dec 2026 by U_ciso: “partner migrates in Q1”", lines);
        Assert.Contains($"{dropped.Id} {dropped.Title} ({dropped.Component}) — no longer in the design of #payments", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith(closedLongAgo.Id, StringComparison.Ordinal));
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void An_expired_acceptance_counts_as_open_again()
    {
        var worst = Payments.Findings[0];
        var design = Payments.Only(worst);
        var expired = Decisions(Decided(worst, FindingStatus.Accepted, Monday.AddDays(-40), reason: "until the rewrite", expires: Monday.AddDays(-3)));

        var reply = Compose([Thread("payments", design)], [Thread("payments", design)], expired);

        Assert.StartsWith("Open high and critical risks: 1,", reply.Trend());
        Assert.Single(reply.Lines("Top services by risk"));
    }

    [Fact]
    public void Top_services_rank_threads_by_their_open_risk_and_link_to_them()
    {
        var threads = new[]
        {
            Thread("pii-export", PiiExport, link: "https://vigil.slack.com/archives/C2/p1"),
            Thread("payments", Payments, link: "https://vigil.slack.com/archives/C1/p1"),
            Thread("one-critical", Payments.Only(Payments.Findings[0])),
            Thread("quiet", Payments.Only()),
            Thread("two-criticals", Payments.Only(Payments.Findings[0], Payments.Findings[1])),
            Thread("lows", Payments.Only(Payments.Findings[^1])),
            Thread("pii-again", PiiExport.Only(PiiExport.Findings[0])),
        };

        var section = Compose(threads, threads).Section("Top services by risk");

        Assert.Equal(5, section.Count);
        var first = Assert.IsType<LinkLine>(section[0]);
        Assert.Equal("https://vigil.slack.com/archives/C1/p1", first.Url);
        Assert.StartsWith($"1. #payments — risk {Payments.Findings.Sum(f => f.Score):0.0} ({Payments.Findings.Count} open, {Payments.HighOrCritical().Count} high or critical)", first.Label);
        Assert.StartsWith("2. #pii-export", Assert.IsType<LinkLine>(section[1]).Label);
        Assert.StartsWith("3. #two-criticals", Assert.IsType<Paragraph>(section[2]).Text);
        Assert.DoesNotContain(section, b => b is Paragraph { Text: var text } && text.Contains("#quiet", StringComparison.Ordinal));
    }

    [Fact]
    public void Mitigated_risks_no_longer_weigh_on_their_service()
    {
        var (worst, next) = (Payments.Findings[0], Payments.Findings[1]);
        var threads = new[] { Thread("payments", Payments.Only(worst, next)) };
        var decisions = Decisions(Decided(worst, FindingStatus.Mitigated, Monday.AddDays(-30)));

        var section = Compose(threads, threads, decisions).Section("Top services by risk");

        Assert.StartsWith($"1. #payments — risk {next.Score:0.0} (1 open, 1 high or critical)", Assert.IsType<Paragraph>(Assert.Single(section)).Text);
    }

    [Fact]
    public void High_risks_open_longer_than_fourteen_days_are_listed_with_their_age()
    {
        var critical = Payments.Critical();
        var medium = Payments.Findings.First(f => f.Severity == Severity.Medium);
        var (old, recent, fixedOld) = (critical[0], critical[1], critical[2]);
        var design = Payments.Only(old, recent, fixedOld, medium);
        var firstSeen = new Dictionary<string, DateTimeOffset>
        {
            [old.Id] = Monday.AddDays(-20).AddHours(-3),
            [recent.Id] = Monday.AddDays(-14),
            [fixedOld.Id] = Monday.AddDays(-40),
            [medium.Id] = Monday.AddDays(-90),
        };
        var decisions = Decisions(Decided(fixedOld, FindingStatus.Mitigated, Monday.AddDays(-30)));

        var lines = Compose([Thread("payments", design)], [Thread("payments", design)], decisions, firstSeen).Lines("High risks open longer than 14 days");

        Assert.Equal([$"{old.Id} {old.Title} ({old.Component}) — critical {old.Score:0.0}, open 20 days, in #payments"], lines);
    }

    [Fact]
    public void Without_stale_risks_the_section_says_so()
    {
        var reply = Compose([Thread("payments", Payments)], [Thread("payments", Payments)]);

        Assert.Equal(["No high or critical risk has been open longer than 14 days."], reply.Lines("High risks open longer than 14 days"));
    }

    [Fact]
    public void Compliance_impact_counts_the_distinct_controls_open_severe_risks_touch()
    {
        var critical = Payments.Critical();
        var medium = Payments.Findings.First(f => f.Severity == Severity.Medium);
        var design = Payments.Only(critical[0], critical[1], medium) with
        {
            Findings =
            [
                critical[0] with { Compliance = new(["SC-8", "IA-2"], [], ["A.8.24"]) },
                critical[1] with { Compliance = new(["SC-8", "AC-3", "AU-2", "SI-10"], [], []) },
                medium with { Compliance = new(["CM-6"], ["6.4.1"], ["A.5.15"]) },
            ],
        };

        var reply = Compose([Thread("payments", design)], [Thread("payments", design)]);

        Assert.Equal(
            [
                "2 open high or critical risks touch:",
                "NIST SP 800-53: 5 controls — SC-8 ×2, AC-3 ×1, AU-2 ×1, …",
                "ISO/IEC 27001: 1 controls — A.8.24 ×1",
            ],
            reply.Lines("Compliance impact"));
    }

    [Fact]
    public void A_workspace_without_designs_gets_a_plain_empty_digest()
    {
        var reply = Compose([], []);

        Assert.Equal("Open high and critical risks: 0, unchanged from a week ago. Total open risk score: 0.0, unchanged from a week ago. 0 open risks across 0 designs.", reply.Trend());
        Assert.Equal(["No design changes this week."], reply.Lines("New this week"));
        Assert.Equal(["No open risks in any design."], reply.Lines("Top services by risk"));
        Assert.Equal(["No open high or critical risk maps to a NIST 800-53, PCI DSS or ISO 27001 control."], reply.Lines("Compliance impact"));
        Assert.Contains("/threat status <id> mitigated \"reason\"", Assert.IsType<Note>(reply.Blocks[^1]).Text);
    }

    [Fact]
    public void A_finding_two_threads_share_counts_once_in_the_trend()
    {
        var worst = Payments.Findings[0];
        var thisWeek = new[] { Thread("payments", Payments.Only(worst)), Thread("payments-v2", Payments.Only(worst)) };

        var reply = Compose(thisWeek, thisWeek);

        Assert.StartsWith($"Open high and critical risks: 1, unchanged from a week ago. Total open risk score: {worst.Score:0.0},", reply.Trend());
    }
}
