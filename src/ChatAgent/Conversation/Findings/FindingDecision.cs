using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Findings;

/// <summary>
/// A human's decision about one finding in one workspace: who, when, why, and until when for an accepted risk.
/// Decisions are never edited; a later one supersedes an earlier one, and all of them stay in the audit log.
/// </summary>
public sealed record FindingDecision(
    string Workspace,
    string FindingId,
    FindingStatus Status,
    string Reason,
    string Actor,
    DateTimeOffset At,
    DateTimeOffset? ExpiresAt = null);
