using Vigil.ChatAgent.Conversation.Digest;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.Ingestion.Modeling;
using Vigil.ThreatModel.Diff;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>
/// Answers what people ask Vigil, by mention or command: it reads the current risk (thread, channel), applies the
/// intent, and composes the reply. It never talks to a platform itself; the handler delivers what it returns.
/// </summary>
public sealed class Assistant(
    RiskReader risk,
    ModelVersions versions,
    VisibleThreads visibleThreads,
    CommandActions actions,
    DigestService digests,
    Reports reports,
    IEnumerable<IConversationSource> sources,
    TimeProvider time)
{
    /// <summary>How long an answer waits for the thread's latest messages and files to be read.</summary>
    public static readonly TimeSpan IngestionWait = TimeSpan.FromSeconds(20);

    public async Task<AssistantAnswer> AnswerQuestionAsync(BotMentioned mention, IConversationChannel channel, CancellationToken cancellationToken)
    {
        var intent = IntentParser.ParseQuestion(mention.Text);
        var picture = mention.Where.Thread is null && intent.Kind is not (IntentKind.Help or IntentKind.SetStatus)
            ? await ChannelOrOwnThreadAsync(mention.Where, cancellationToken)
            : await risk.ThreadAsync(mention.Where, IngestionWait, cancellationToken);
        return await AnswerAsync(intent, mention.Where, mention.Author, picture, channel, "/threat", cancellationToken);
    }

    public async Task<AssistantAnswer> AnswerCommandAsync(CommandInvoked command, IConversationChannel channel, CancellationToken cancellationToken)
    {
        var intent = IntentParser.ParseCommand(command.Text);
        if (intent.Error is not null)
        {
            return new AssistantAnswer(new Reply(intent.Error, [new Paragraph(intent.Error), new Note("/threat help lists what I can do.")]), ForChannel: false);
        }

        if (OtherChannel(intent.Subject, command.Where) is { } other && await IsPrivateAsync(command.Where with { Channel = other }, cancellationToken))
        {
            // Answers to commands can be public; a private channel's design is only ever shown inside it.
            return Private(Reply.Say($"<#{other}> is a private channel: run the command there, so only its members see the answer."));
        }

        var picture = intent.Kind is IntentKind.Help or IntentKind.Digest or IntentKind.Watch or IntentKind.Unwatch or IntentKind.Rules
            ? RiskPicture.Nothing(command.Where)
            : await TargetAsync(intent.Subject, command.Where, cancellationToken);
        return await AnswerAsync(intent, command.Where, command.Author, picture, channel, "/threat", cancellationToken);
    }

    private async Task<AssistantAnswer> AnswerAsync(Intent intent, ConversationRef where, string author, RiskPicture picture, IConversationChannel channel, string command, CancellationToken cancellationToken)
    {
        switch (intent.Kind)
        {
            case IntentKind.Help:
                return Private(AnswerComposer.Help(command));
            case IntentKind.Risks:
                var (relevant, matched) = Relevant(picture, intent.Subject);
                var shown = new List<FindingView>();
                foreach (var item in relevant.Take(AnswerComposer.MaxShown))
                {
                    shown.Add((await FindingViews.CreateAsync(item, channel, where, cancellationToken)).Brief());
                }

                return Public(AnswerComposer.Risks(picture, shown, intent.Subject is { } subject ? new SubjectMatch(subject, matched ? relevant.Count : 0) : null));
            case IntentKind.HowToFix:
                var target = intent.FindingId is { } id
                    ? picture.Findings.FirstOrDefault(f => f.Finding.Id == id)
                    : Relevant(picture, intent.Subject).Items.FirstOrDefault();
                return target is null
                    ? Public(AnswerComposer.NoSuchFinding(intent.FindingId ?? intent.Subject ?? "that", picture))
                    : Public(AnswerComposer.Fix(await FindingViews.CreateAsync(target, channel, where, cancellationToken), target.Finding));
            case IntentKind.WhatChanged:
                return Public(await ChangedAsync(picture, channel, cancellationToken));
            case IntentKind.Compliance:
                return Public(AnswerComposer.Compliance(picture, intent.Framework ?? "all"));
            case IntentKind.Report:
                return Public(reports.Report(picture));
            case IntentKind.Model:
                return Public(await reports.ModelAsync(picture, cancellationToken));
            case IntentKind.Digest:
                return Public(await digests.ComposeAsync(where.Workspace, time.GetUtcNow(), ThreadLinks.Through(channel), cancellationToken));
            case IntentKind.SetStatus:
                return Private(await actions.SetStatusAsync(intent, where, author, picture, cancellationToken));
            case IntentKind.Watch or IntentKind.Unwatch:
                return Private(await actions.WatchAsync(intent, where, author, cancellationToken));
            case IntentKind.Rules when intent.RuleAction is null && intent.Error is null:
                // The catalogue and its tuning are no secret; in the channel, the catalogue file can be attached.
                return Public(await actions.RulesAsync(intent, where, author, cancellationToken));
            case IntentKind.Rules:
                return Private(await actions.RulesAsync(intent, where, author, cancellationToken));
            default:
                return Public(AnswerComposer.Unknown(intent.Subject ?? "", picture));
        }
    }

    private async Task<RiskPicture> ChannelOrOwnThreadAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        var channel = await risk.ChannelAsync(where, cancellationToken);
        return channel.Analyses.Count > 0 ? channel : await risk.ThreadAsync(where, IngestionWait, cancellationToken);
    }

    /// <summary>A command's target: a channel (<c>#C123</c>), a thread (<c>thread:C123/1700.1</c>), or the channel it was typed in.</summary>
    private async Task<RiskPicture> TargetAsync(string? subject, ConversationRef where, CancellationToken cancellationToken)
    {
        if (subject is { } s && s.StartsWith("thread:", StringComparison.Ordinal) && s[7..].Split('/') is [var channel, var ts])
        {
            return await risk.ThreadAsync(where with { Channel = channel, Thread = ts, Message = null }, IngestionWait, cancellationToken);
        }

        if (subject is { } c && c.StartsWith('#') && c.Length > 1 && !c.Contains(' ', StringComparison.Ordinal))
        {
            return await risk.ChannelAsync(where with { Channel = c[1..] }, cancellationToken);
        }

        return subject is { Length: > 0 } service
            ? await ServiceAsync(service, where, cancellationToken)
            : await risk.ChannelAsync(where, cancellationToken);
    }

    /// <summary>A service by name: every modelled thread of the workspace with an element of that name, wherever it was discussed.</summary>
    private async Task<RiskPicture> ServiceAsync(string service, ConversationRef where, CancellationToken cancellationToken)
    {
        var latest = await visibleThreads.LatestAsOfAsync(where.Workspace, time.GetUtcNow(), where.Channel, cancellationToken);
        var analyses = latest.Select(v => AnalysisJson.Deserialize(v.Json))
            .Where(a => a.Model.Elements.Any(e => e.Name.Contains(service, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return await risk.OfAnalysesAsync($"“{service}”", where with { Thread = null, Message = null }, analyses, cancellationToken);
    }

    /// <summary>The channel a command's target names, when it is not the channel the command was typed in.</summary>
    private static string? OtherChannel(string? subject, ConversationRef where)
    {
        var channel = subject switch
        {
            { } s when s.StartsWith("thread:", StringComparison.Ordinal) => s[7..].Split('/')[0],
            { } s when s.StartsWith('#') && s.Length > 1 => s[1..].Split(' ')[0],
            _ => null,
        };
        return channel is not null && channel != where.Channel ? channel : null;
    }

    private async Task<bool> IsPrivateAsync(ConversationRef channel, CancellationToken cancellationToken) =>
        sources.FirstOrDefault(s => s.Platform == channel.Platform) is not { } source || await source.IsPrivateAsync(channel, cancellationToken);

    /// <summary>
    /// Open findings about the subject's words (component or title), best match first; all open ones, unmatched,
    /// when there is no subject or nothing is about it.
    /// </summary>
    private static (List<RiskItem> Items, bool Matched) Relevant(RiskPicture picture, string? subject)
    {
        var open = picture.Open.ToList();
        if (subject is null)
        {
            return (open, false);
        }

        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToList();
        var matching = open
            .Select(i => (Item: i, Hits: words.Count(w => $"{i.Finding.Component} {i.Finding.Title}".Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.Hits > 0)
            .OrderByDescending(p => p.Hits)
            .Select(p => p.Item)
            .ToList();
        return matching.Count > 0 ? (matching, true) : (open, false);
    }

    private async Task<Reply> ChangedAsync(RiskPicture picture, IConversationChannel channel, CancellationToken cancellationToken)
    {
        var key = Places.ThreadKey(picture.Where);
        var latest = await versions.LatestAsync(key, cancellationToken);
        var previous = latest is { Version: > 1 } l ? await versions.VersionAsync(key, l.Version - 1, cancellationToken) : null;
        if (latest is null || previous is null)
        {
            return AnswerComposer.Changed(null, picture, [], []);
        }

        var diff = ModelDiffer.Compare(AnalysisJson.Deserialize(previous), AnalysisJson.Deserialize(latest.Value.Json));
        var newViews = new List<FindingView>();
        foreach (var finding in diff.NewFindings.Take(AnswerComposer.MaxShown))
        {
            var item = picture.Findings.FirstOrDefault(f => f.Finding.Id == finding.Id) ?? new RiskItem(finding, null);
            newViews.Add(await FindingViews.CreateAsync(item, channel, picture.Where, cancellationToken));
        }

        var resolvedViews = new List<FindingView>();
        foreach (var finding in diff.ResolvedFindings.Take(AnswerComposer.MaxShown))
        {
            resolvedViews.Add(await FindingViews.CreateAsync(new RiskItem(finding, null), channel, picture.Where, cancellationToken));
        }

        return AnswerComposer.Changed(diff, picture, newViews, resolvedViews);
    }

    private static AssistantAnswer Public(Reply reply) => new(reply, ForChannel: true);

    private static AssistantAnswer Private(Reply reply) => new(reply, ForChannel: false);
}
