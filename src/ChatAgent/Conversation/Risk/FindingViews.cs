using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Conversation.Risk;

/// <summary>Turns findings into what chat shows, with links to the messages that support them.</summary>
public static class FindingViews
{
    /// <summary>Quotes shown per finding: enough to check the claim, not a transcript.</summary>
    public const int MaxEvidence = 2;

    public static async Task<FindingView> CreateAsync(RiskItem item, IConversationChannel? channel, ConversationRef where, CancellationToken cancellationToken)
    {
        var f = item.Finding;
        var evidence = new List<EvidenceLink>();
        foreach (var quote in f.Evidence.Take(MaxEvidence))
        {
            var message = Places.MessageOf(quote.Source, where.Platform, where.Workspace);
            var url = message is not null && channel is not null ? await TryLinkAsync(channel, message, cancellationToken) : null;
            evidence.Add(new EvidenceLink(quote.Source, quote.Quote, url));
        }

        var reason = item.Decision is { } d ? $"{Describe(d.Status)} by {Mention(where, d.Actor)}: {Quoted.Text(d.Reason)}" : null;
        return new FindingView(f.Id, f.Title, f.Severity, f.Score, f.Component, f.Rationale.Length > 0 ? f.Rationale : f.Description,
            f.Mitigations, evidence, item.Status, f.Compliance, reason);
    }

    public static string Describe(Vigil.ThreatModel.Findings.FindingStatus status) => status switch
    {
        Vigil.ThreatModel.Findings.FindingStatus.FalsePositive => "marked a false positive",
        Vigil.ThreatModel.Findings.FindingStatus.Accepted => "risk accepted",
        Vigil.ThreatModel.Findings.FindingStatus.Mitigated => "marked mitigated",
        _ => "reopened",
    };

    /// <summary>A user reference the platform renders as a name (Slack's <c>&lt;@U…&gt;</c>); adapters pass it through.</summary>
    public static string Mention(ConversationRef where, string user) => where.Platform == "slack" && user.Length > 0 ? $"<@{user}>" : user;

    private static async Task<string?> TryLinkAsync(IConversationChannel channel, ConversationRef message, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.LinkAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            // A missing link costs the reader a click, not the answer.
            return null;
        }
    }
}
