namespace Vigil.ChatAgent.Conversation.Summaries;

/// <summary>The <c>Summaries</c> configuration section: when Vigil speaks up in a design thread on its own.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>A thread must have been quiet this long before its summary is posted or updated.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>At most one new summary post per thread in this time (edits do not count).</summary>
    public TimeSpan MinPostInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often settled threads are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
