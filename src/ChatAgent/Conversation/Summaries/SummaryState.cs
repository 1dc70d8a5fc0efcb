using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Summaries;

/// <summary>What Vigil last said in a thread's living summary, and when.</summary>
/// <param name="MessageId">The summary message, once posted; later changes edit it.</param>
/// <param name="Announced">Findings the summary shows as open, with the severity they were shown at.</param>
/// <param name="Resolved">Findings the summary shows as resolved (gone from the design, or decided).</param>
/// <param name="ConsideredVersion">The model version last looked at, announced or not.</param>
public sealed record SummaryState(
    string? MessageId,
    IReadOnlyList<AnnouncedFinding> Announced,
    IReadOnlyList<AnnouncedFinding> Resolved,
    int ConsideredVersion,
    DateTimeOffset? PostedAt)
{
    public static SummaryState Empty { get; } = new(null, [], [], 0, null);
}

/// <summary>Enough of a finding to show it again once it has left the model, or been decided.</summary>
/// <param name="Decided">The human decision that took it off the open list; null when the design itself changed.</param>
public sealed record AnnouncedFinding(string Id, string Title, string Component, Severity Severity, string? Why = null, FindingStatus? Decided = null);
