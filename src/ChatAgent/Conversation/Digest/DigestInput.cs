using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ThreatModel.Analysis;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>One design thread as it stood at a moment: its latest analysis then.</summary>
/// <param name="Key">The thread key, <c>workspace/channel/thread</c>.</param>
/// <param name="Version">The analysis version; the same version a week apart means the design did not change.</param>
/// <param name="Link">Where people can open the thread, when the platform gives links.</param>
public sealed record DigestThread(string Key, string Name, int Version, string? Link, AnalysisResult Analysis);

/// <summary>Everything a weekly digest is composed from; the composer reads nothing else.</summary>
/// <param name="ThisWeek">Each thread's latest analysis at <paramref name="Now"/>.</param>
/// <param name="LastWeek">Each thread's latest analysis seven days earlier.</param>
/// <param name="FirstSeen">When each finding id first appeared in any stored analysis of the workspace.</param>
/// <param name="Decisions">The decision in force now, per finding id.</param>
/// <param name="DecisionsAWeekAgo">The decision in force seven days earlier; when null, the ones of <paramref name="Decisions"/> made by then.</param>
public sealed record DigestInput(
    DateTimeOffset Now,
    IReadOnlyList<DigestThread> ThisWeek,
    IReadOnlyList<DigestThread> LastWeek,
    IReadOnlyDictionary<string, DateTimeOffset> FirstSeen,
    IReadOnlyDictionary<string, FindingDecision> Decisions,
    IReadOnlyDictionary<string, FindingDecision>? DecisionsAWeekAgo = null)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public DateTimeOffset WeekAgo => Now - Week;
}
