using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Replies;

/// <summary>A finding as people see it in chat: what, how bad and why, the fix, the messages it rests on, its status.</summary>
/// <param name="Why">One sentence saying why it scores as it does.</param>
/// <param name="Evidence">Where it was said; <see cref="EvidenceLink.Url"/> is filled in when the adapter can link to the message.</param>
public sealed record FindingView(
    string Id,
    string Title,
    Severity Severity,
    double Score,
    string Component,
    string Why,
    IReadOnlyList<string> Fixes,
    IReadOnlyList<EvidenceLink> Evidence,
    FindingStatus Status,
    ComplianceMapping Compliance,
    string? StatusReason = null)
{
    /// <summary>The finding with only its first fix: how a thread answer or summary shows it (the rest is one question away).</summary>
    public FindingView Brief() => this with { Fixes = Fixes.Take(1).ToList() };
}

/// <summary>A quote from the conversation and, when known, a link to the message it came from.</summary>
public sealed record EvidenceLink(string Source, string Quote, string? Url = null);

/// <summary>How a finding moved since the last summary.</summary>
public enum FindingChange
{
    None,
    New,
    Raised,
    Lowered,
    Resolved,
}
