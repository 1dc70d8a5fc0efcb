namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>The <c>Digest</c> configuration section: when the weekly digest goes out, and where.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary><c>Digest:Schedule</c>: a five-field cron expression; Monday 09:00 by default.</summary>
    public string Schedule { get; set; } = "0 9 * * 1";

    /// <summary><c>Digest:TimeZone</c>: the IANA time zone <see cref="Schedule"/> is read in (Monday 09:00 in Berlin, not in UTC).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary><c>Digest:Targets</c>: the channels that receive a workspace's digest; none means no digest is posted.</summary>
    public List<DigestTarget> Targets { get; set; } = [];
}

/// <summary>One channel that receives the digest of its workspace.</summary>
public sealed class DigestTarget
{
    /// <summary>Which adapter posts it: the <see cref="IConversationChannel.Platform"/> it matches.</summary>
    public string Platform { get; set; } = "slack";

    public string Workspace { get; set; } = "";

    public string Channel { get; set; } = "";

    public ConversationRef ToConversation() => new(Platform, Workspace, Channel);
}
