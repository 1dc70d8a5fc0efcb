using Vigil.ChatAgent.Conversation.Summaries;

namespace Vigil.ChatAgent.Conversation.Findings;

/// <summary>
/// Records a human decision, however it was made (a button, a command, a mention), and has every living summary
/// that shows the finding look again, so a mitigated risk is shown resolved there without waiting for the next change.
/// </summary>
public sealed class FindingDecisions(FindingLedger ledger, SummaryStore summaries)
{
    public async Task RecordAsync(FindingDecision decision, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync(decision, cancellationToken);
        await summaries.ReconsiderShowingAsync(decision.FindingId, cancellationToken);
    }
}
