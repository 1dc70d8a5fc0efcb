using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>What someone asked Vigil for.</summary>
public enum IntentKind
{
    Risks,
    WhatChanged,
    HowToFix,
    Compliance,
    Report,
    Model,
    Digest,
    SetStatus,
    Watch,
    Unwatch,
    Rules,
    Help,
    Unknown,
}

/// <summary>A parsed request. Only the fields its kind needs are set.</summary>
/// <param name="Subject">Words naming a component or finding ("the webhook"), a target channel (<c>#C123</c>) or a thread (<c>thread:C123/1700.1</c>).</param>
/// <param name="Framework">For compliance questions: "nist80053", "pciDss" or "iso27001".</param>
public sealed record Intent(
    IntentKind Kind,
    string? Subject = null,
    string? FindingId = null,
    FindingStatus? Status = null,
    string? Reason = null,
    DateOnly? Until = null,
    Severity? Severity = null,
    string? Framework = null,
    string? RuleAction = null,
    string? RuleId = null,
    string? Error = null);

/// <summary>What a question was about ("the webhook") and how many open findings matched it (0: none did).</summary>
public sealed record SubjectMatch(string Words, int Matching);
