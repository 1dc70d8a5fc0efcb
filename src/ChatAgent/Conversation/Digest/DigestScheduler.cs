using Microsoft.Extensions.Options;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>
/// Posts the weekly digest to every configured target at each occurrence of <c>Digest:Schedule</c>, read in
/// <c>Digest:TimeZone</c>. Waits on <see cref="TimeProvider"/> so a test can move the clock. A target that cannot be
/// reached is logged and the others, and later weeks, still get theirs.
/// </summary>
public sealed partial class DigestScheduler(
    IOptions<DigestOptions> options,
    DigestService digests,
    IEnumerable<IConversationChannel> channels,
    TimeProvider time,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>When the next digest goes out (UTC): set once the scheduler is waiting for it; null before the first and after the last.</summary>
    public DateTimeOffset? NextRun { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Targets.Count == 0)
        {
            LogNoTargets();
            return;
        }

        // Validated at start; a failure here would mean the options changed shape underneath us.
        DigestSchedule.TryParse(settings.Schedule, out var cron);
        DigestSchedule.TryFindZone(settings.TimeZone, out var zone);
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // Never the same occurrence twice, even if a timer wakes a hair early.
            if (cron!.GetNextOccurrence(last is { } l && l > now ? l : now, zone!) is not { } next)
            {
                NextRun = null;
                LogNoOccurrence(settings.Schedule);
                return;
            }

            LogNextRun(next, settings.TimeZone);
            await WaitUntilAsync(next, stoppingToken);
            last = next;
            await PostAllAsync(settings.Targets, TimeZoneInfo.ConvertTime(next, zone!), stoppingToken);
        }
    }

    /// <summary>
    /// Waits in steps of at most a day: Task.Delay refuses waits beyond ~49 days (a yearly schedule), and re-reading
    /// the clock after each step keeps a suspended machine from posting late by a whole step.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset next, CancellationToken cancellationToken)
    {
        var armed = false;
        for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
        {
            var delay = Task.Delay(wait < MaxWait ? wait : MaxWait, time, cancellationToken);
            if (!armed)
            {
                // Published only once the timer runs, so whoever reads it can move the clock past it safely.
                NextRun = next;
                armed = true;
            }

            await delay;
        }

        NextRun = next;
    }

    private async Task PostAllAsync(IReadOnlyList<DigestTarget> targets, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            var channel = channels.FirstOrDefault(c => string.Equals(c.Platform, target.Platform, StringComparison.OrdinalIgnoreCase));
            if (channel is null)
            {
                LogNoChannel(target.Platform, target.Workspace, target.Channel);
                continue;
            }

            try
            {
                var reply = await digests.ComposeAsync(target.Workspace, at, ThreadLinks.Through(channel), cancellationToken);
                await channel.PostAsync(target.ToConversation(), reply, cancellationToken);
                LogPosted(target.Platform, target.Workspace, target.Channel);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogPostFailed(e, target.Platform, target.Workspace, target.Channel);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest is off: Digest:Targets names no channel")]
    private partial void LogNoTargets();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weekly digest stops: Digest:Schedule \"{Schedule}\" has no further occurrence")]
    private partial void LogNoOccurrence(string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next weekly digest at {Next:u} (schedule read in {TimeZone})")]
    private partial void LogNextRun(DateTimeOffset next, string timeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weekly digest for {Workspace} not posted to {Channel}: no {Platform} adapter is running")]
    private partial void LogNoChannel(string platform, string workspace, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest for {Workspace} posted to {Platform} channel {Channel}")]
    private partial void LogPosted(string platform, string workspace, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly digest for {Workspace} could not be posted to {Platform} channel {Channel}; next week's will still go out")]
    private partial void LogPostFailed(Exception error, string platform, string workspace, string channel);
}
