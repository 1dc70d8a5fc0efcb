using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.Assistant;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.Conversation;

/// <summary>The workspace's risk at a glance (Slack's App Home): counts, the worst open findings, the riskiest threads.</summary>
public sealed class Overview(VisibleThreads threads, RiskReader risk, TimeProvider time)
{
    private const int WorstShown = 5;

    public async Task<Reply> ComposeAsync(ConversationRef where, IConversationChannel outlet, CancellationToken cancellationToken)
    {
        // Everyone's App Home: public channels' designs only.
        var latest = await threads.LatestAsOfAsync(where.Workspace, time.GetUtcNow(), channel: null, cancellationToken);
        var analyses = latest.Select(v => AnalysisJson.Deserialize(v.Json)).ToList();
        var picture = await risk.OfAnalysesAsync("this workspace", where with { Channel = "", Thread = null, Message = null }, analyses, cancellationToken);
        var open = picture.Open.ToList();
        var headline = open.Count == 0
            ? $"No open risks across {latest.Count} modelled thread{(latest.Count == 1 ? "" : "s")}."
            : $"{open.Count} open risks across {latest.Count} modelled threads: {AnswerComposer.BySeverity(open.Select(i => i.Finding))}. {picture.Findings.Count - open.Count} decided.";
        var blocks = new List<ReplyBlock> { new Heading("Vigil — risk overview"), new Paragraph(headline) };
        if (open.Count > 0)
        {
            blocks.Add(new Heading("Worst open risks"));
            foreach (var item in open.Take(WorstShown))
            {
                var view = await FindingViews.CreateAsync(item, outlet, where, cancellationToken);
                blocks.Add(new FindingBlock(view, FindingChange.None, WithActions: true));
            }
        }

        var ranked = latest.Zip(analyses)
            .Select(p => (Thread: p.First, Score: p.Second.Findings.Where(f => open.Any(o => o.Finding.Id == f.Id)).Sum(f => f.Score)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .Take(5)
            .ToList();
        if (ranked.Count > 0)
        {
            blocks.Add(new Heading("Threads carrying the most risk"));
            blocks.Add(new Bullets(ranked.Select(p => $"{p.Thread.Name} — open risk score {p.Score:0.0}").ToList()));
        }

        blocks.Add(new Note("/threat digest for this week's changes · /threat report in a channel for its full report"));
        return new Reply(headline, blocks);
    }
}
