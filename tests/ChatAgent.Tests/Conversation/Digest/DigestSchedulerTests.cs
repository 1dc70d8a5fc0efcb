using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Digest;
using Vigil.ChatAgent.Conversation.Replies;
using static Vigil.ChatAgent.Tests.Conversation.Digest.DigestDesigns;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

public sealed class DigestSchedulerTests : IDisposable
{
    // Sunday noon UTC; the next Monday 09:00 in Berlin (CET, UTC+1) is 08:00 UTC.
    private static readonly DateTimeOffset SundayNoon = DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset MondayNineInBerlin = DateTimeOffset.Parse("2026-11-30T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider time = new(SundayNoon);
    private readonly DigestWorkspace workspace;

    public DigestSchedulerTests() => workspace = new DigestWorkspace(time);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DigestOptions Berlin(params DigestTarget[] targets) => new() { TimeZone = "Europe/Berlin", Targets = [.. targets] };

    private DigestScheduler Scheduler(DigestOptions options, params IConversationChannel[] channels) =>
        new(Options.Create(options), workspace.Digests, channels, time, NullLogger<DigestScheduler>.Instance);

    [Fact]
    public async Task Monday_nine_in_berlin_posts_exactly_one_digest_per_target_with_links_into_the_platform()
    {
        await workspace.SaveAsync("T1/C1/1700000000.000100", "#payments thread", SundayNoon.AddDays(-2), Payments, Cancel);
        var slack = new RecordingChannel();
        using var scheduler = Scheduler(
            Berlin(new DigestTarget { Workspace = "T1", Channel = "C-security" }, new DigestTarget { Workspace = "T1", Channel = "C-leadership" }),
            slack);

        await scheduler.StartAsync(Cancel);
        await Eventually(() => scheduler.NextRun is not null);
        Assert.Equal(MondayNineInBerlin, scheduler.NextRun);

        time.Advance(MondayNineInBerlin - SundayNoon - TimeSpan.FromSeconds(1));
        Assert.Empty(slack.Posts);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually(() => scheduler.NextRun == MondayNineInBerlin.AddDays(7));
        await scheduler.StopAsync(Cancel);

        Assert.Equal(["C-security", "C-leadership"], slack.Posts.Select(p => p.Where.Channel));
        var digest = slack.Posts[0].Reply;
        Assert.Equal("Weekly risk digest — week of 23 Nov 2026", Assert.IsType<Heading>(digest.Blocks[0]).Text);
        Assert.Equal("https://vigil.slack.com/archives/C1/p1700000000000100", Assert.IsType<LinkLine>(Assert.Single(digest.Section("Top services by risk"))).Url);
    }

    [Fact]
    public async Task A_failed_post_does_not_stop_other_targets_or_next_weeks_digest()
    {
        var slack = new RecordingChannel { FailingChannel = "C-archived" };
        using var scheduler = Scheduler(
            Berlin(
                new DigestTarget { Workspace = "T1", Channel = "C-archived" },
                new DigestTarget { Platform = "teams", Workspace = "T1", Channel = "19:security" },
                new DigestTarget { Workspace = "T1", Channel = "C-security" }),
            slack);

        await scheduler.StartAsync(Cancel);
        await Eventually(() => scheduler.NextRun == MondayNineInBerlin);
        time.Advance(MondayNineInBerlin - SundayNoon);
        await Eventually(() => scheduler.NextRun == MondayNineInBerlin.AddDays(7));
        time.Advance(TimeSpan.FromDays(7));
        await Eventually(() => scheduler.NextRun == MondayNineInBerlin.AddDays(14));
        await scheduler.StopAsync(Cancel);

        Assert.Equal(["C-security", "C-security"], slack.Posts.Select(p => p.Where.Channel));
        Assert.Equal(["No design changes this week.", "No design changes this week."], slack.Posts.Select(p => p.Reply.Lines("New this week").Single()));
    }

    [Theory]
    [InlineData("Digest:Schedule", "every monday", "Europe/Berlin")]
    [InlineData("Digest:TimeZone", "0 9 * * 1", "Mars/Olympus_Mons")]
    public async Task A_bad_schedule_or_zone_stops_the_start_with_an_error_naming_the_key(string key, string schedule, string zone)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Schedule"] = schedule,
            ["Digest:TimeZone"] = zone,
            ["Digest:Targets:0:Workspace"] = "T1",
            ["Digest:Targets:0:Channel"] = "C-security",
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(workspace.History);
        builder.Services.AddSingleton(workspace.Ledger);
        builder.Services.AddSingleton(workspace.Places);
        builder.Services.AddSingleton<VisibleThreads>();
        builder.Services.AddDigests(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"{key} \"", failure);
    }

    [Fact]
    public void Without_settings_the_digest_goes_to_slack_on_monday_nine_utc_and_its_services_resolve()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(workspace.History)
            .AddSingleton(workspace.Ledger)
            .AddSingleton(workspace.Places)
            .AddSingleton<VisibleThreads>()
            .AddDigests(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Digest:Targets:0:Workspace"] = "T1",
                ["Digest:Targets:0:Channel"] = "C-security",
            }).Build());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DigestOptions>>().Value;

        Assert.Equal(("0 9 * * 1", "UTC"), (options.Schedule, options.TimeZone));
        Assert.Equal("slack", Assert.Single(options.Targets).Platform);
        Assert.Same(provider.GetRequiredService<DigestScheduler>(), Assert.Single(provider.GetServices<IHostedService>()));
    }

    /// <summary>Waits for the scheduler's own thread to get there; the limit only keeps a broken scheduler from hanging the run.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "the scheduler never got there");
            await Task.Delay(10, Cancel);
        }
    }

    public void Dispose() => workspace.Dispose();
}
