using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Conversation.State;
using Vigil.ChatAgent.EndToEnd.Tests.Fakes;
using Vigil.ChatAgent.EndToEnd.Tests.Slack.Api;
using Vigil.ChatAgent.Slack;
using Vigil.ChatAgent.Slack.Api;
using Vigil.ChatAgent.Slack.Inbound;

namespace Vigil.ChatAgent.EndToEnd.Tests.Slack;

/// <summary>What Slack delivers that Vigil must acknowledge without failing, so Slack neither retries nor shows an error.</summary>
public sealed class SlackInboundTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private readonly string dataDir = Directory.CreateTempSubdirectory("vigil-inbound-").FullName;
    private FakeSlackServer slack = null!;
    private ServiceProvider provider = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ISlackInbound Inbound => provider.GetRequiredService<ISlackInbound>();

    public async ValueTask InitializeAsync()
    {
        slack = await FakeSlackServer.StartAsync(cancellationToken: Ct);
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.Configure<SlackOptions>(options =>
        {
            options.BotToken = slack.BotToken;
            options.ApiBaseUrl = slack.ApiBaseUrl;
            options.MaxRetries = 4;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
        });
        services.AddSlackApi()
            .AddSingleton(new ConversationDatabase(Path.Combine(dataDir, "conversation.db")))
            .AddSingleton<ConversationInbox>()
            .AddSingleton<SlackInteractions>()
            .AddSingleton<ISlackInbound, SlackInbound>();
        provider = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Slack_rate_limiting_the_app_is_logged_as_a_warning_with_the_minute_it_started()
    {
        var notice = Json(new JsonObject { ["token"] = "x", ["type"] = "app_rate_limited", ["team_id"] = "T-fake", ["minute_rate_limited"] = 1518467820, ["api_app_id"] = "A1" });

        var ack = await Inbound.AcceptEventAsync(notice, Ct);

        Assert.Equal(SlackAckKind.Ignored, ack.Kind);
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("1518467820", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_whose_message_is_null_is_acknowledged_and_ignored_not_failed()
    {
        var edit = Envelope(new JsonObject { ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = "C1", ["message"] = null, ["previous_message"] = "gone" });

        var ack = await Inbound.AcceptEventAsync(edit, Ct);

        Assert.Equal(SlackAckKind.Ignored, ack.Kind);
    }

    [Fact]
    public async Task Odd_entries_among_the_authorizations_do_not_stop_a_message_being_heard()
    {
        var message = Envelope(
            new JsonObject { ["type"] = "message", ["channel"] = "C1", ["user"] = "U1", ["ts"] = "2.0", ["channel_type"] = "channel", ["text"] = "the API talks to the DB" },
            new JsonArray(null, "U-BOT", new JsonObject { ["user_id"] = "U-BOT", ["is_bot"] = true }));

        var ack = await Inbound.AcceptEventAsync(message, Ct);

        Assert.Equal(SlackAckKind.Accepted, ack.Kind);
    }

    [Fact]
    public async Task A_command_reason_is_stored_as_typed_not_as_slack_escaped_it()
    {
        var fields = new Dictionary<string, string>
        {
            ["team_id"] = "T-fake", ["channel_id"] = "C1", ["channel_name"] = "design", ["user_id"] = "U1", ["trigger_id"] = "1.2.3",
            ["text"] = "status F-1 accepted \"R&amp;D only, &lt;10 users&gt;\"",
        };

        await Inbound.AcceptCommandAsync(fields, Ct);

        var inbox = provider.GetRequiredService<ConversationInbox>();
        var stored = (await inbox.LeaseAsync(InboxLane.Answer, Ct) ?? await inbox.LeaseAsync(InboxLane.Said, Ct))!.Event;
        Assert.Equal("status F-1 accepted \"R&D only, <10 users>\"", Assert.IsType<CommandInvoked>(stored).Text);
    }

    [Fact]
    public async Task A_click_whose_dialog_slack_will_not_open_is_acknowledged_after_one_try()
    {
        slack.FailNext("views.open", 500);
        var click = Json(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U-sec", ["team_id"] = "T-fake" },
            ["team"] = new JsonObject { ["id"] = "T-fake" },
            ["trigger_id"] = "111.222.trigger",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.0", ["channel_id"] = "C1" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "vigil.finding.mitigated", ["type"] = "button", ["value"] = "F-1" }),
        });

        var answer = await Inbound.AcceptInteractionAsync(click, Ct);

        Assert.Null(answer);
        Assert.Single(slack.Calls("views.open"));
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("F-1", StringComparison.Ordinal));
    }

    private static JsonElement Envelope(JsonObject inner, JsonArray? authorizations = null) => Json(new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T-fake",
        ["api_app_id"] = "A1",
        ["event_id"] = $"Ev{Guid.NewGuid():N}",
        ["event"] = inner,
        ["authorizations"] = authorizations ?? new JsonArray(new JsonObject { ["user_id"] = "U-BOT", ["is_bot"] = true }),
    });

    private static JsonElement Json(JsonObject json) => JsonDocument.Parse(json.ToJsonString()).RootElement;
}
