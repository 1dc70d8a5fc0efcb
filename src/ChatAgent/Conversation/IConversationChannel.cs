using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// How the core speaks on one platform. The adapter renders the reply in its own format, inside its limits
/// (a report too long for a message goes up as a file next to a short message).
/// </summary>
public interface IConversationChannel
{
    string Platform { get; }

    /// <summary>Posts a reply where <paramref name="where"/> points (in its thread when it has one); returns the new message's id.</summary>
    Task<string> PostAsync(ConversationRef where, Reply reply, CancellationToken cancellationToken);

    /// <summary>Replaces a message Vigil posted earlier (the living summary is edited, not re-posted).</summary>
    Task UpdateAsync(ConversationRef message, Reply reply, CancellationToken cancellationToken);

    /// <summary>Shows a reply to one person only (command results, refusals).</summary>
    Task PostPrivateAsync(ConversationRef where, string user, Reply reply, CancellationToken cancellationToken);

    /// <summary>Answers a command where the platform asked (Slack's response_url): to the caller only, or to the channel.</summary>
    Task RespondAsync(CommandInvoked command, Reply reply, bool visibleToChannel, CancellationToken cancellationToken);

    /// <summary>Shows one person Vigil's overview of the workspace (Slack's App Home).</summary>
    Task ShowOverviewAsync(ConversationRef where, string user, Reply reply, CancellationToken cancellationToken);

    /// <summary>A link to a message, or null when the platform cannot give one.</summary>
    Task<string?> LinkAsync(ConversationRef message, CancellationToken cancellationToken);
}
