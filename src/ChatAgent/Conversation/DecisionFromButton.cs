using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.State;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// A decision made with a finding's buttons: recorded, then the very message it was made on is redrawn with the
/// finding shown decided (who and why) instead of a new message being posted.
/// </summary>
public sealed partial class DecisionFromButton(FindingDecisions decisions, SentReplies sent, TimeProvider time, ILogger<DecisionFromButton> logger)
{
    public async Task RecordAsync(FindingStatusChanged change, IConversationChannel outlet, CancellationToken cancellationToken)
    {
        await decisions.RecordAsync(new FindingDecision(change.Where.Workspace, change.FindingId, change.Status, change.Reason, change.Author, time.GetUtcNow(), change.ExpiresAt), cancellationToken);
        if (change.Summary is not { } message || await sent.FindAsync(message, cancellationToken) is not { } reply)
        {
            return;
        }

        var reason = $"{FindingViews.Describe(change.Status)} by {FindingViews.Mention(change.Where, change.Author)}: {Quoted.Text(change.Reason)}";
        var redrawn = reply with
        {
            Blocks = reply.Blocks.Select(b => b is FindingBlock f && f.Finding.Id == change.FindingId
                ? f with { Finding = f.Finding with { Status = change.Status, StatusReason = reason }, WithActions = change.Status == FindingStatus.Open }
                : b).ToList(),
        };
        try
        {
            await outlet.UpdateAsync(message, redrawn, cancellationToken);
            await sent.RememberAsync(message, redrawn, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The decision is recorded; retrying the event would record it twice. The message stays as it was.
            LogNotRedrawn(logger, message.Message ?? "", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A decision was recorded but message {Message} could not be redrawn")]
    private static partial void LogNotRedrawn(ILogger logger, string message, Exception exception);
}
