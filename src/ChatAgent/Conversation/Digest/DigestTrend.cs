using static Vigil.ChatAgent.Conversation.Digest.DigestText;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>The one-paragraph answer to "are we getting better?": open high and critical risks and open risk score, now against a week ago.</summary>
internal static class DigestTrend
{
    public static string Paragraph(DigestWeek now, DigestWeek then) =>
        $"Open high and critical risks: {now.OpenHigh}, {Move(now.OpenHigh, then.OpenHigh, Count)}. "
        + $"Total open risk score: {Score(now.OpenScore)}, {Move(now.OpenScore, then.OpenScore, Score)}. "
        + $"{now.Open.Count} open {(now.Open.Count == 1 ? "risk" : "risks")} across {now.Threads.Count} {(now.Threads.Count == 1 ? "design" : "designs")}.";

    public static string Fallback(string heading, DigestWeek now, DigestWeek then) =>
        $"{heading}: {now.OpenHigh} open high/critical risks ({ShortMove(now.OpenHigh, then.OpenHigh, Count)}), "
        + $"open risk score {Score(now.OpenScore)} ({ShortMove(now.OpenScore, then.OpenScore, Score)}).";
}
