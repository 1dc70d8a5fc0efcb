using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.Summaries;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Conversation;

/// <summary>When a living summary speaks: material changes only, one post, edits after, decided findings never announced.</summary>
public sealed class SummaryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    private static RiskItem Item(string id, Severity severity, FindingStatus? decided = null) => new(
        new Finding(id, "R-1", $"title {id}", "", [Stride.Spoofing], severity, 5, "api", "api", [], [], [], [], ComplianceMapping.None, ""),
        decided is { } status ? new FindingDecision("T1", id, status, "reason", "U1", Now) : null);

    [Fact]
    public void A_new_medium_finding_is_posted_but_a_new_low_one_is_not()
    {
        Assert.Equal(SummaryAction.Post, SummaryPolicy.Decide(SummaryState.Empty, [Item("F-1", Severity.Medium)], Severity.Medium, Now, TenMinutes).Action);
        Assert.Equal(SummaryAction.None, SummaryPolicy.Decide(SummaryState.Empty, [Item("F-1", Severity.Low)], Severity.Medium, Now, TenMinutes).Action);
    }

    [Fact]
    public void A_channel_threshold_of_high_silences_new_medium_findings() =>
        Assert.Equal(SummaryAction.None, SummaryPolicy.Decide(SummaryState.Empty, [Item("F-1", Severity.Medium)], Severity.High, Now, TenMinutes).Action);

    [Theory]
    [InlineData(FindingStatus.Accepted)]
    [InlineData(FindingStatus.Mitigated)]
    [InlineData(FindingStatus.FalsePositive)]
    public void A_decided_finding_is_never_announced(FindingStatus status) =>
        Assert.Equal(SummaryAction.None, SummaryPolicy.Decide(SummaryState.Empty, [Item("F-1", Severity.Critical, status)], Severity.Low, Now, TenMinutes).Action);

    [Fact]
    public void With_a_summary_in_place_a_new_finding_edits_it_instead_of_posting_again()
    {
        var state = new SummaryState("171.1", [new AnnouncedFinding("F-1", "t", "api", Severity.High)], [], 1, Now.AddMinutes(-1));

        var decision = SummaryPolicy.Decide(state, [Item("F-1", Severity.High), Item("F-2", Severity.Medium)], Severity.Medium, Now, TenMinutes);

        Assert.Equal(SummaryAction.Update, decision.Action);
        Assert.Equal(["F-2"], decision.New.Select(f => f.Id));
        Assert.Equal(["F-1"], decision.StillOpen.Select(f => f.Id));
    }

    [Fact]
    public void A_raised_severity_is_material_and_a_resolved_finding_only_updates()
    {
        var state = new SummaryState("171.1", [new AnnouncedFinding("F-1", "t", "api", Severity.Medium), new AnnouncedFinding("F-2", "t", "api", Severity.High)], [], 1, Now);

        var raised = SummaryPolicy.Decide(state, [Item("F-1", Severity.High), Item("F-2", Severity.High)], Severity.Medium, Now, TenMinutes);
        var resolved = SummaryPolicy.Decide(state, [Item("F-1", Severity.Medium)], Severity.Medium, Now, TenMinutes);
        var unchanged = SummaryPolicy.Decide(state, [Item("F-1", Severity.Medium), Item("F-2", Severity.High)], Severity.Medium, Now, TenMinutes);

        Assert.Equal((SummaryAction.Update, "F-1"), (raised.Action, raised.Raised.Single().Id));
        Assert.Equal((SummaryAction.Update, "F-2"), (resolved.Action, resolved.Resolved.Single().Id));
        Assert.Equal(SummaryAction.None, unchanged.Action);
    }

    [Fact]
    public void A_finding_marked_mitigated_after_it_was_announced_shows_as_resolved() =>
        Assert.Equal("F-1", SummaryPolicy.Decide(
            new SummaryState("171.1", [new AnnouncedFinding("F-1", "t", "api", Severity.High)], [], 1, Now),
            [Item("F-1", Severity.High, FindingStatus.Mitigated)], Severity.Medium, Now, TenMinutes).Resolved.Single().Id);

    [Fact]
    public void No_second_post_within_ten_minutes_of_the_last_one()
    {
        // The summary message is gone (deleted), but one was posted five minutes ago.
        var state = new SummaryState(null, [], [], 2, Now.AddMinutes(-5));

        Assert.Equal(SummaryAction.None, SummaryPolicy.Decide(state, [Item("F-9", Severity.Critical)], Severity.Medium, Now, TenMinutes).Action);
        Assert.Equal(SummaryAction.Post, SummaryPolicy.Decide(state, [Item("F-9", Severity.Critical)], Severity.Medium, Now.AddMinutes(6), TenMinutes).Action);
    }
}
