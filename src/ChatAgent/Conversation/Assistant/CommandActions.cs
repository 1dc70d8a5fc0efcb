using Microsoft.Extensions.Options;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.State;
using Vigil.ChatAgent.Conversation.Tuning;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>
/// The requests that change something: a finding's status, which channels are watched and how loudly, the
/// workspace's rule tuning. Each needs a reason where it can be questioned later, and each is recorded with who asked.
/// </summary>
public sealed class CommandActions(
    FindingDecisions decisions,
    RuleTuning tuning,
    ChannelSettings channels,
    ThreatAnalyzer analyzer,
    Reports reports,
    IOptions<TuningOptions> tuningOptions,
    TimeProvider time)
{
    public async Task<Reply> SetStatusAsync(Intent intent, ConversationRef where, string author, RiskPicture picture, CancellationToken cancellationToken)
    {
        var status = intent.Status!.Value;
        if (status != FindingStatus.Open && string.IsNullOrWhiteSpace(intent.Reason))
        {
            return Reply.Say($"Say why, so the decision can be defended later: /threat status {intent.FindingId} {Word(status)} \"the reason\"");
        }

        if (intent.Until is not null && status != FindingStatus.Accepted)
        {
            return Reply.Say("Only an accepted risk can have an end date (until YYYY-MM-DD).");
        }

        var expires = intent.Until is { } until ? new DateTimeOffset(until.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        if (expires is not null && expires <= time.GetUtcNow())
        {
            return Reply.Say($"{intent.Until:yyyy-MM-dd} is already past; an accepted risk needs an end date in the future.");
        }

        await decisions.RecordAsync(new FindingDecision(where.Workspace, intent.FindingId!, status, intent.Reason ?? "", author, time.GetUtcNow(), expires), cancellationToken);
        var known = picture.Findings.FirstOrDefault(f => f.Finding.Id == intent.FindingId);
        var what = known is null ? intent.FindingId! : $"{intent.FindingId} ({known.Finding.Title})";
        var text = $"Recorded: {what} is {Word(status)}{(expires is null ? "" : $" until {intent.Until:yyyy-MM-dd}")} — “{Quoted.Text(intent.Reason)}”.";
        var blocks = new List<ReplyBlock> { new Paragraph(text) };
        if (known is null)
        {
            blocks.Add(new Note($"{intent.FindingId} is not among the current findings of {picture.Name}; the decision still applies wherever it appears in this workspace."));
        }

        return new Reply(text, blocks);
    }

    public async Task<Reply> WatchAsync(Intent intent, ConversationRef where, string author, CancellationToken cancellationToken)
    {
        var channel = intent.Subject is { } s && s.StartsWith('#') && s.Length > 1 ? where with { Channel = s[1..].Split(' ')[0], Thread = null, Message = null } : where;
        var watch = intent.Kind == IntentKind.Watch;
        await channels.SetWatchedAsync(channel, watch, author, cancellationToken);
        if (watch && intent.Severity is { } threshold)
        {
            await channels.SetThresholdAsync(channel, threshold, author, cancellationToken);
        }

        var current = await channels.ThresholdAsync(channel, cancellationToken);
        return Reply.Say(watch
            ? $"Watching <#{channel.Channel}>: I read its design threads and post one living summary per thread when a {current.ToString().ToLowerInvariant()} or worse risk appears."
            : $"No longer watching <#{channel.Channel}>: I will not read or summarise its threads (mentions still work). /threat watch to undo.");
    }

    public async Task<Reply> RulesAsync(Intent intent, ConversationRef where, string author, CancellationToken cancellationToken)
    {
        if (intent.Error is not null)
        {
            return Reply.Say(intent.Error);
        }

        if (intent.RuleAction is { } action)
        {
            if (!tuningOptions.Value.MayTune(author))
            {
                // A rule switched off hides a risk for everyone: only the people the workspace chose may do it.
                return Reply.Say($"Only {string.Join(", ", tuningOptions.Value.Admins.Select(a => FindingViews.Mention(where, a)))} can tune rules here (Tuning:Admins). Ask them, with the rule id and why.");
            }

            var rule = analyzer.Catalog.Rules.FirstOrDefault(r => string.Equals(r.Id, intent.RuleId, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                return Reply.Say($"There is no rule {intent.RuleId}; /threat rules attaches the whole catalogue.");
            }

            if (string.IsNullOrWhiteSpace(intent.Reason))
            {
                return Reply.Say($"Say why, so the tuning can be defended later: /threat rules {action} {rule.Id} … \"the reason\"");
            }

            switch (action)
            {
                case "disable":
                    await tuning.DisableAsync(where.Workspace, rule.Id, intent.Reason, author, cancellationToken);
                    return Reply.Say($"{rule.Id} ({rule.Title}) is off in this workspace — “{Quoted.Text(intent.Reason)}”. /threat rules enable {rule.Id} \"why\" undoes it.");
                case "enable":
                    await tuning.EnableAsync(where.Workspace, rule.Id, intent.Reason, author, cancellationToken);
                    return Reply.Say($"{rule.Id} ({rule.Title}) is on again, with its catalogue severity — “{Quoted.Text(intent.Reason)}”.");
                default:
                    await tuning.OverrideSeverityAsync(where.Workspace, rule.Id, intent.Severity!.Value, intent.Reason, author, cancellationToken);
                    return Reply.Say($"{rule.Id} ({rule.Title}) now counts as {intent.Severity.Value.ToString().ToLowerInvariant()} in this workspace — “{Quoted.Text(intent.Reason)}”.");
            }
        }

        return reports.Rules(analyzer.Catalog, await tuning.CurrentAsync(where.Workspace, cancellationToken), where);
    }

    private static string Word(FindingStatus status) => status switch
    {
        FindingStatus.FalsePositive => "a false positive",
        _ => status.ToString().ToLowerInvariant(),
    };
}
