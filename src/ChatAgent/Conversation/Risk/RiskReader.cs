using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Tuning;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Risk;

/// <summary>
/// Reads the risk as it stands: a thread is analyzed afresh from its design record once what was said in it has been
/// ingested (so an answer reflects the message just posted), a channel from its threads' latest models. Human
/// decisions and the workspace's rule tuning are applied before anyone sees a finding.
/// </summary>
public sealed class RiskReader(
    DesignRecords records,
    ModelVersions versions,
    ThreatAnalyzer analyzer,
    JobQueue queue,
    FindingLedger ledger,
    RuleTuning tuning,
    TimeProvider time)
{
    public async Task<RiskPicture> ThreadAsync(ConversationRef where, TimeSpan waitForIngestion, CancellationToken cancellationToken)
    {
        var thread = where.InThread();
        var items = await WaitForThreadAsync(thread, waitForIngestion, cancellationToken);
        var notes = new List<string>();
        var pending = items.Count(i => i.Status is ItemStatus.Queued or ItemStatus.Running);
        if (pending > 0)
        {
            notes.Add($"{pending} message{(pending == 1 ? " is" : "s are")} still being read; ask again in a minute for the full picture.");
        }

        // Only the latest version of each message or file speaks: a file re-shared after a failure is not still "failed".
        var latest = items.GroupBy(i => i.Source).Select(g => g.MaxBy(i => i.Seq)!);
        foreach (var item in latest.Where(i => i.Status is ItemStatus.Waiting or ItemStatus.Failed))
        {
            var what = item.FileName ?? "a message";
            notes.Add(item.Status == ItemStatus.Waiting ? $"{what} is waiting: {item.Reason}" : $"{what} could not be read: {item.Reason}");
        }

        var sources = await records.SourcesAsync(Places.ThreadKey(thread), cancellationToken);
        var analysis = analyzer.Analyze(sources, $"thread {thread.Thread ?? thread.Channel}");
        return await PictureAsync($"this thread", thread, [analysis], notes, cancellationToken);
    }

    /// <summary>The channel's threads as last modelled (top-level messages included).</summary>
    public async Task<RiskPicture> ChannelAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        var channel = where with { Thread = null, Message = null };
        var latest = await versions.LatestInChannelAsync(channel.Workspace, channel.Channel, cancellationToken);
        var analyses = latest.Select(v => AnalysisJson.Deserialize(v.Json)).ToList();
        return await PictureAsync($"<#{channel.Channel}>", channel, analyses, [], cancellationToken);
    }

    /// <summary>A picture over stored analyses (the workspace view of the home tab and reports by service).</summary>
    public Task<RiskPicture> OfAnalysesAsync(string name, ConversationRef where, IReadOnlyList<AnalysisResult> analyses, CancellationToken cancellationToken) =>
        PictureAsync(name, where, analyses, [], cancellationToken);

    private async Task<IReadOnlyList<IngestionItem>> WaitForThreadAsync(ConversationRef thread, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var items = await queue.InThreadAsync(thread.Workspace, thread.Channel, thread.Thread, cancellationToken);
            if (!items.Any(i => i.Status is ItemStatus.Queued or ItemStatus.Running) || time.GetUtcNow() >= deadline)
            {
                return items;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    private async Task<RiskPicture> PictureAsync(string name, ConversationRef where, IReadOnlyList<AnalysisResult> analyses, IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        var tuned = (await tuning.CurrentAsync(where.Workspace, cancellationToken)).Apply(analyses.SelectMany(a => a.Findings));
        // The same rule on the same element in two threads is one risk; keep its strongest reading.
        var distinct = tuned.GroupBy(f => f.Id).Select(g => g.MaxBy(f => f.Score)!).ToList();
        var decisions = await ledger.LatestDecisionsAsync(where.Workspace, cancellationToken);
        var now = time.GetUtcNow();
        var items = distinct.Select(f => new RiskItem(f, InForce(decisions.GetValueOrDefault(f.Id), now))).ToList();

        var ordered = items.OrderByDescending(i => i.Finding.Severity).ThenByDescending(i => i.Finding.Score).ThenBy(i => i.Finding.Id, StringComparer.Ordinal).ToList();
        return new RiskPicture(name, where, analyses, ordered, notes);
    }

    /// <summary>The decision that still holds: an accepted risk past its end date, or a reopening, leaves the finding open.</summary>
    private static FindingDecision? InForce(FindingDecision? latest, DateTimeOffset now) =>
        latest is { ExpiresAt: { } expires } && expires <= now ? null
        : latest is { Status: FindingStatus.Open } ? null
        : latest;
}
