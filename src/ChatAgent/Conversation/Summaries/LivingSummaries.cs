using Microsoft.Extensions.Options;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.State;
using Vigil.Ingestion.Modeling;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.Conversation.Summaries;

/// <summary>
/// The notifier: when a watched thread's model changed and the thread then stayed quiet, it applies the
/// <see cref="SummaryPolicy"/> and posts the thread's one living summary, or edits it.
/// </summary>
public sealed partial class LivingSummaries(
    ModelVersions versions,
    ThreadPlaces places,
    ChannelSettings channels,
    SummaryStore store,
    SentReplies sent,
    RiskReader risk,
    IEnumerable<IConversationChannel> outlets,
    IOptions<SummaryOptions> options,
    TimeProvider time,
    ILogger<LivingSummaries> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    // Touched only by the one polling loop.
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Also an HTTP timeout (an OperationCanceledException of its own): the notifier must outlive it.
                LogFailed(logger, e);
            }

            await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass over the settled threads; returns how many summaries were posted or edited.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var spoken = 0;
        var considered = await store.ConsideredVersionsAsync(cancellationToken);
        foreach (var (threadKey, version) in await versions.SettledAsync(now - settings.QuietPeriod, cancellationToken))
        {
            if (version <= considered.GetValueOrDefault(threadKey))
            {
                continue;
            }

            var state = await store.GetAsync(threadKey, cancellationToken);
            if (await places.FindAsync(threadKey, cancellationToken) is not { } place
                || place.Thread.Thread is null
                || outlets.FirstOrDefault(o => o.Platform == place.Thread.Platform) is not { } outlet)
            {
                // Designs from outside chat (watched folders) and channel-level ones (a file shared outside any
                // thread) get no summary: it would land in the channel itself. Remembered, so they are not looked up again.
                await store.SaveAsync(threadKey, state with { ConsideredVersion = version }, cancellationToken);
                continue;
            }

            try
            {
                spoken += await ConsiderAsync(threadKey, version, place.Thread, state, outlet, now, cancellationToken) ? 1 : 0;
                failures.Remove(threadKey);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One thread's failure (a deleted channel, a revoked scope, Slack down) must not silence the others.
                // A passing failure is tried again on the next pass; after a few, this version is let go.
                LogThreadFailed(logger, threadKey, e);
                failures[threadKey] = failures.GetValueOrDefault(threadKey) + 1;
                if (failures[threadKey] >= MaxAttempts)
                {
                    failures.Remove(threadKey);
                    await store.SaveAsync(threadKey, (await store.GetAsync(threadKey, cancellationToken)) with { ConsideredVersion = version }, cancellationToken);
                }
            }
        }

        return spoken;
    }

    private async Task<bool> ConsiderAsync(string threadKey, int version, ConversationRef thread, SummaryState state, IConversationChannel outlet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await channels.IsWatchedAsync(thread, cancellationToken) || await versions.LatestAsync(threadKey, cancellationToken) is not { } latest)
        {
            await store.SaveAsync(threadKey, state with { ConsideredVersion = version }, cancellationToken);
            return false;
        }

        var picture = await risk.OfAnalysesAsync("this thread", thread, [AnalysisJson.Deserialize(latest.Json)], cancellationToken);
        var threshold = await channels.ThresholdAsync(thread, cancellationToken);
        var decision = SummaryPolicy.Decide(state, picture.Findings, threshold, now, options.Value.MinPostInterval);
        return await SpeakAsync(threadKey, thread, state, picture, decision, latest.Version, outlet, now, cancellationToken);
    }

    private async Task<bool> SpeakAsync(string threadKey, ConversationRef thread, SummaryState state, RiskPicture picture, SummaryDecision decision, int version, IConversationChannel outlet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (decision.Action == SummaryAction.None)
        {
            await store.SaveAsync(threadKey, state with { ConsideredVersion = version }, cancellationToken);
            return false;
        }

        var views = new Dictionary<string, FindingView>(StringComparer.Ordinal);
        var byId = picture.Findings.ToDictionary(f => f.Finding.Id);
        foreach (var finding in decision.New.Concat(decision.Raised).Concat(decision.StillOpen).Take(SummaryComposer.MaxOpenShown))
        {
            views[finding.Id] = (await FindingViews.CreateAsync(byId[finding.Id], outlet, thread, cancellationToken)).Brief();
        }

        var resolved = decision.Resolved.Select(r => r with { Why = WhyResolved(r, byId, thread), Decided = byId.TryGetValue(r.Id, out var d) ? d.Decision?.Status : null }).Concat(state.Resolved.Where(r => decision.Resolved.All(d => d.Id != r.Id) && !(byId.TryGetValue(r.Id, out var again) && again.IsOpen))).Take(10).ToList();
        var reply = SummaryComposer.Compose(decision, views, resolved, now);
        var messageId = state.MessageId;
        if (decision.Action == SummaryAction.Post)
        {
            messageId = await outlet.PostAsync(thread, reply, cancellationToken);
            // Saved at once: if anything below fails, the next pass edits this message instead of posting another.
            await store.SaveAsync(threadKey, state with { MessageId = messageId, PostedAt = now }, cancellationToken);
        }
        else
        {
            try
            {
                await outlet.UpdateAsync(thread with { Message = messageId }, reply, cancellationToken);
            }
            catch (MessageGoneException)
            {
                // Someone deleted the summary: start over, so the next material change may post again (rate-limited).
                var fresh = state with { MessageId = null, Announced = [], Resolved = [] };
                var again = SummaryPolicy.Decide(fresh, picture.Findings, await channels.ThresholdAsync(thread, cancellationToken), now, options.Value.MinPostInterval);
                return await SpeakAsync(threadKey, thread, fresh, picture, again, version, outlet, now, cancellationToken);
            }
        }

        await sent.RememberAsync(thread with { Message = messageId }, reply, cancellationToken);
        var announced = decision.New.Concat(decision.Raised).Concat(decision.StillOpen)
            .Select(f => new AnnouncedFinding(f.Id, f.Title, f.Component, f.Severity)).ToList();
        await store.SaveAsync(threadKey, new SummaryState(messageId, announced, resolved, version,
            decision.Action == SummaryAction.Post ? now : state.PostedAt), cancellationToken);
        LogSpoke(logger, threadKey, decision.Action, decision.New.Count, decision.Resolved.Count);
        return true;
    }

    private static string WhyResolved(AnnouncedFinding finding, IReadOnlyDictionary<string, RiskItem> current, ConversationRef thread) =>
        current.TryGetValue(finding.Id, out var item) && item.Decision is { } d
            ? $"{FindingViews.Describe(d.Status)} by {FindingViews.Mention(thread, d.Actor)}: {Quoted.Text(d.Reason)}"
            : "No longer in the design: the thread now describes the control.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Living summary of {Thread}: {Action} ({New} new, {Resolved} resolved)")]
    private static partial void LogSpoke(ILogger logger, string thread, SummaryAction action, int @new, int resolved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The living summary of {Thread} could not be posted; it will be tried with the next change")]
    private static partial void LogThreadFailed(ILogger logger, string thread, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The living summaries pass failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
