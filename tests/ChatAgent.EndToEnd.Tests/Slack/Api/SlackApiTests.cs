using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.EndToEnd.Tests.Fakes;
using Vigil.ChatAgent.Slack;
using Vigil.ChatAgent.Slack.Api;

namespace Vigil.ChatAgent.EndToEnd.Tests.Slack.Api;

/// <summary>The hand-written Slack Web API client against a Slack stand-in that speaks the real protocol over HTTP on loopback.</summary>
public sealed class SlackApiTests : IAsyncLifetime
{
    private const string Channel = "C-threats";
    private readonly List<ServiceProvider> providers = [];
    private FakeSlackServer slack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => slack = await FakeSlackServer.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await slack.DisposeAsync();
    }

    // Wired the way the app wires it, with short retry delays and no post pacing unless a test asks for them.
    private SlackApi Api(Action<SlackOptions>? configure = null, TimeProvider? time = null, CapturedLogs? logs = null)
    {
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.Configure<SlackOptions>(options =>
        {
            options.BotToken = slack.BotToken;
            options.ApiBaseUrl = slack.ApiBaseUrl;
            options.PostInterval = TimeSpan.Zero;
            options.MaxRetries = 3;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(options);
        });
        var provider = services.AddSlackApi().BuildServiceProvider();
        providers.Add(provider);
        return provider.GetRequiredService<SlackApi>();
    }

    [Fact]
    public async Task Identity_names_the_bot_user_so_its_own_messages_can_be_recognised()
    {
        var identity = await Api().AuthTestAsync(Ct);

        Assert.Equal(new SlackIdentity(FakeSlackServer.TeamId, slack.BotUserId, slack.BotId), identity);
    }

    [Fact]
    public async Task Posted_message_lands_in_its_thread_and_an_update_replaces_its_text()
    {
        var api = Api();
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*2 findings*" } });

        var ts = await api.PostMessageAsync(Channel, "Analysing…", blocks, threadTs: "1690000000.000100", Ct);
        await api.UpdateMessageAsync(Channel, ts, "2 findings", blocks, Ct);

        var message = Assert.Single(slack.Messages(Channel));
        Assert.Equal((ts, "1690000000.000100", "2 findings"), (message.Ts, message.ThreadTs, message.Text));
        Assert.Equal("*2 findings*", message.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        var post = Assert.Single(slack.Calls("chat.postMessage"));
        Assert.Equal($"Bearer {slack.BotToken}", post.Authorization);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
    }

    [Fact]
    public async Task Ephemeral_message_is_shown_to_one_person()
    {
        await Api().PostEphemeralAsync(Channel, "U-alice", "Only you can see this", blocks: null, threadTs: null, Ct);

        var shown = Assert.Single(slack.Ephemerals(Channel));
        Assert.Equal(("U-alice", "Only you can see this"), (shown.User, shown.Text));
    }

    [Fact]
    public async Task Thread_is_read_across_pages_with_the_parent_first()
    {
        slack.SeedThread(
            Channel,
            "1690000000.000100",
            [.. Enumerable.Range(0, 8).Select(i => ($"U-{i}", $"message {i}"))]);

        var thread = await Api().RepliesAsync(Channel, "1690000000.000100", Ct);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"message {i}"), thread.Select(m => m.Text));
        Assert.Equal("1690000000.000100", thread[0].Ts);
        Assert.True(slack.Calls("conversations.replies").Count >= 3, "8 messages at 3 a page take several requests");
        Assert.All(slack.Calls("conversations.replies"), call => Assert.Equal("GET", call.Verb));
    }

    [Fact]
    public async Task History_since_a_point_comes_oldest_first_without_thread_replies()
    {
        var api = Api();
        var first = await api.PostMessageAsync(Channel, "before", null, null, Ct);
        var second = await api.PostMessageAsync(Channel, "after 1", null, null, Ct);
        await api.PostMessageAsync(Channel, "a reply", null, threadTs: second, Ct);
        for (var i = 2; i <= 4; i++)
        {
            await api.PostMessageAsync(Channel, $"after {i}", null, null, Ct);
        }

        var history = await api.HistoryAsync(Channel, oldest: first, Ct);

        Assert.Equal(["after 1", "after 2", "after 3", "after 4"], history.Select(m => m.Text));
    }

    [Fact]
    public async Task Rate_limited_call_waits_for_Retry_After_and_then_succeeds()
    {
        slack.FailNext("chat.postMessage", 429, retryAfterSeconds: 1);

        var ts = await Api().PostMessageAsync(Channel, "hello", null, null, Ct);

        Assert.NotEmpty(ts);
        var attempts = slack.Calls("chat.postMessage");
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(1), $"the retry came {attempts[1].ReceivedAt - attempts[0].ReceivedAt} after the 429");
        Assert.Single(slack.Messages(Channel));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_Slack_recovers()
    {
        slack.FailNext("conversations.info", 500);
        slack.FailNext("conversations.info", 503);

        var channel = await Api().ChannelInfoAsync(Channel, Ct);

        Assert.Equal(Channel, channel.Id);
        Assert.Equal(3, slack.Calls("conversations.info").Count);
    }

    [Fact]
    public async Task Server_errors_beyond_the_retry_budget_surface_as_a_Slack_error()
    {
        for (var i = 0; i < 3; i++)
        {
            slack.FailNext("chat.getPermalink", 500);
        }

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Api(o => o.MaxRetries = 2).PermalinkAsync(Channel, "1700000000.000100", Ct));

        Assert.Equal(("chat.getPermalink", "http_500"), (error.Method, error.Error));
        Assert.Equal(3, slack.Calls("chat.getPermalink").Count);
    }

    [Fact]
    public async Task Unreachable_slack_fails_with_the_network_error_after_the_retries()
    {
        var closedPort = slack.ApiBaseUrl;
        await slack.DisposeAsync();
        slack = await FakeSlackServer.StartAsync(cancellationToken: Ct);

        await Assert.ThrowsAsync<HttpRequestException>(() => Api(o => { o.ApiBaseUrl = closedPort; o.MaxRetries = 1; }).AuthTestAsync(Ct));
    }

    [Fact]
    public async Task Logs_name_methods_and_statuses_but_never_the_token_or_a_response_url()
    {
        var logs = new CapturedLogs();
        var api = Api(logs: logs);
        var responseUrl = slack.ResponseUrl();
        slack.FailNext("chat.postMessage", 429, retryAfterSeconds: 0);
        slack.FailNext("chat.postMessage", 502);

        await api.PostMessageAsync(Channel, "hello", null, null, Ct);
        await api.RespondAsync(responseUrl.AbsoluteUri, new JsonObject { ["text"] = "done" }, Ct);

        Assert.Contains(logs.Lines, line => line.Contains("chat.postMessage", StringComparison.Ordinal) && line.Contains("429", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(slack.BotToken, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(responseUrl.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slack_refusal_names_the_method_and_the_error_but_never_the_token()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Api().UpdateMessageAsync(Channel, "1.000001", "edit", null, Ct));

        Assert.Equal(("chat.update", "message_not_found"), (error.Method, error.Error));
        Assert.Contains("chat.update", error.Message);
        Assert.Contains("message_not_found", error.Message);
        Assert.DoesNotContain(slack.BotToken, error.ToString());
    }

    [Fact]
    public async Task Missing_scope_is_named_so_an_admin_knows_what_to_add()
    {
        slack.RefuseNext("conversations.replies", "missing_scope", needed: "groups:history");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Api().RepliesAsync("G-secret", "1700000000.000100", Ct));

        Assert.Equal("groups:history", error.Needed);
        Assert.Contains("'groups:history'", error.Message);
    }

    [Fact]
    public async Task Lookups_are_remembered_instead_of_asked_again()
    {
        slack.SeedChannel("G-secret", "incident-42", isPrivate: true);
        var api = Api();

        var channel = await api.ChannelInfoAsync("G-secret", Ct);
        await api.ChannelInfoAsync("G-secret", Ct);
        var link = await api.PermalinkAsync(Channel, "1700000000.000100", Ct);
        await api.PermalinkAsync(Channel, "1700000000.000100", Ct);

        Assert.Equal(new SlackChannel("G-secret", "incident-42", IsPrivate: true, IsIm: false), channel);
        Assert.Equal($"https://fake.slack.test/archives/{Channel}/p1700000000000100", link);
        Assert.Single(slack.Calls("conversations.info"));
        Assert.Single(slack.Calls("chat.getPermalink"));
    }

    [Fact]
    public async Task Shared_file_is_described_and_downloaded_with_the_token()
    {
        var bytes = Encoding.UTF8.GetBytes("Data flow: browser -> API -> Postgres");
        slack.SeedFile("F-diagram", "flow.txt", "text/plain", bytes, transcript: null);
        var api = Api();

        var file = await api.FileInfoAsync("F-diagram", Ct);
        var downloaded = await api.DownloadAsync(file, maxBytes: 1024, Ct);

        Assert.Equal(("flow.txt", "text/plain", "txt", (long)bytes.Length), (file.Name, file.Mimetype, file.Filetype, file.Size));
        Assert.Equal(bytes, downloaded);
        Assert.Equal($"Bearer {slack.BotToken}", Assert.Single(slack.Calls("files/F-diagram")).Authorization);
    }

    [Fact]
    public async Task Voice_clip_carries_Slacks_own_transcript()
    {
        slack.SeedFile("F-clip", "audio_message.webm", "audio/webm", [1, 2, 3], subtype: "slack_audio", transcript: "we store tokens in local storage");

        var clip = await Api().FileInfoAsync("F-clip", Ct);

        Assert.Equal(("slack_audio", "we store tokens in local storage"), (clip.Subtype, clip.TranscriptPreview));
    }

    [Fact]
    public async Task File_larger_than_allowed_is_refused()
    {
        slack.SeedFile("F-big", "dump.bin", "application/octet-stream", new byte[10_000]);
        var api = Api();
        var file = await api.FileInfoAsync("F-big", Ct);

        var refusal = await Assert.ThrowsAsync<SlackRefusedException>(() => api.DownloadAsync(file, maxBytes: 1_000, Ct));

        Assert.Equal(SlackRefusal.TooLarge, refusal.Reason);
        Assert.Contains("1000 bytes", refusal.Message);
    }

    [Fact]
    public async Task Bot_token_is_never_sent_to_a_host_outside_slack()
    {
        await using var evil = await ForeignHost.StartAsync(Ct);
        slack.SeedFile("F-bait", "bait.pdf", "application/pdf", [1], downloadUrl: new Uri(evil.BaseUrl, "files/F-bait"));
        var api = Api();
        var file = await api.FileInfoAsync("F-bait", Ct);

        var refusal = await Assert.ThrowsAsync<SlackRefusedException>(() => api.DownloadAsync(file, maxBytes: 1024, Ct));

        Assert.Equal(SlackRefusal.ForeignHost, refusal.Reason);
        Assert.Contains(evil.BaseUrl.Authority, refusal.Message);
        Assert.Contains("token was not sent", refusal.Message);
        Assert.Empty(evil.Requests());
    }

    [Fact]
    public async Task Bot_token_does_not_follow_a_redirect_out_of_slack()
    {
        await using var evil = await ForeignHost.StartAsync(Ct);
        slack.SeedFile("F-moved", "moved.pdf", "application/pdf", [1]);
        slack.RedirectNext("files/F-moved", new Uri(evil.BaseUrl, "steal"));
        var api = Api();
        var file = await api.FileInfoAsync("F-moved", Ct);

        var refusal = await Assert.ThrowsAsync<SlackRefusedException>(() => api.DownloadAsync(file, maxBytes: 1024, Ct));

        Assert.Equal(SlackRefusal.ForeignHost, refusal.Reason);
        Assert.Empty(evil.Requests());
    }

    [Theory]
    [InlineData("https://files.slack.com/files-pri/T1-F1/report.pdf", true)]
    [InlineData("https://slack.com/api/files.info", true)]
    [InlineData("https://a.slack-edge.com/x.png", true)]
    [InlineData("http://files.slack.com/files-pri/T1-F1/report.pdf", false)]
    [InlineData("https://slack.com.evil.test/x", false)]
    [InlineData("https://evilslack.com/x", false)]
    [InlineData("https://slack.com@evil.test/x", false)]
    [InlineData("https://files.slack.com.evil.test/x", false)]
    public void Token_goes_only_to_slack_hosts_over_https(string url, bool allowed) =>
        Assert.Equal(allowed, SlackHosts.MayReceiveToken(new Uri(url), new Uri("https://slack.com/api/")));

    [Fact]
    public async Task Slack_sign_in_page_is_refused_rather_than_taken_for_the_file()
    {
        slack.SeedFile("F-locked", "design.pdf", "application/pdf", [1, 2, 3]);
        var file = await Api().FileInfoAsync("F-locked", Ct);
        var withoutFileAccess = Api(o => o.BotToken = "xoxb-token-without-files-read");

        var refusal = await Assert.ThrowsAsync<SlackRefusedException>(() => withoutFileAccess.DownloadAsync(file, maxBytes: 1024, Ct));

        Assert.Equal(SlackRefusal.LoginPage, refusal.Reason);
        Assert.Contains("files:read", refusal.Message);
    }

    [Fact]
    public async Task Upload_uses_the_three_step_flow_and_the_bytes_go_without_the_token()
    {
        var report = Encoding.UTF8.GetBytes("# Threat model\n\n- T1: spoofing");

        var fileId = await Api().UploadFileAsync(Channel, "1690000000.000100", "threat-model.md", "Threat model", report, "Full report attached", Ct);

        var ticket = Assert.Single(slack.Calls("files.getUploadURLExternal"));
        Assert.Equal(("threat-model.md", report.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), (ticket.Argument("filename"), ticket.Argument("length")));
        var upload = Assert.Single(slack.Uploads());
        Assert.Equal(fileId, upload.FileId);
        Assert.Equal(report, upload.Bytes);
        Assert.Null(upload.Authorization);
        var complete = Assert.Single(slack.Calls("files.completeUploadExternal"));
        Assert.Equal((Channel, "1690000000.000100", "Full report attached"), (complete.Argument("channel_id"), complete.Argument("thread_ts"), complete.Argument("initial_comment")));
        Assert.Equal("Threat model", JsonNode.Parse(complete.Argument("files")!)![0]!["title"]!.GetValue<string>());
        var shared = Assert.Single(slack.Messages(Channel));
        Assert.Equal([fileId], shared.FileIds);
        Assert.Empty(slack.Calls("files.upload"));
    }

    [Fact]
    public async Task Command_answer_goes_to_the_response_url_without_the_token()
    {
        var responseUrl = slack.ResponseUrl();

        await Api().RespondAsync(responseUrl.AbsoluteUri, new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Indexed 3 documents" }, Ct);

        var response = Assert.Single(slack.Responses());
        Assert.Equal("Indexed 3 documents", response.Message["text"]!.GetValue<string>());
        Assert.Null(response.Authorization);
    }

    [Fact]
    public async Task Response_url_outside_slack_is_refused()
    {
        await using var evil = await ForeignHost.StartAsync(Ct);

        var refusal = await Assert.ThrowsAsync<SlackRefusedException>(
            () => Api().RespondAsync(new Uri(evil.BaseUrl, "hooks/x").AbsoluteUri, new JsonObject { ["text"] = "secret findings" }, Ct));

        Assert.Contains(evil.BaseUrl.Authority, refusal.Message);
        Assert.Empty(evil.Requests());
    }

    [Fact]
    public async Task Modal_and_home_tab_reach_slack()
    {
        var api = Api();

        await api.OpenViewAsync("123.456.abc", new JsonObject { ["type"] = "modal", ["callback_id"] = "finding_status" }, Ct);
        await api.PublishHomeAsync("U-alice", new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() }, Ct);

        Assert.Equal("finding_status", Assert.Single(slack.OpenedViews())["callback_id"]!.GetValue<string>());
        Assert.Equal("home", slack.HomeView("U-alice")!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_a_dialog_is_tried_once_because_its_trigger_expires_within_three_seconds()
    {
        slack.FailNext("views.open", 503);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => Api(o => o.MaxRetries = 4).OpenViewAsync("123.456.abc", new JsonObject { ["type"] = "modal" }, Ct));

        Assert.Equal(("views.open", "http_503"), (error.Method, error.Error));
        Assert.Single(slack.Calls("views.open"));
    }

    [Fact]
    public async Task A_dialog_that_slack_does_not_open_within_the_trigger_budget_is_given_up()
    {
        // A Slack that accepts the connection and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var clock = new FakeTimeProvider();
        var api = Api(o => o.ApiBaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/api/"), clock);

        var opening = api.OpenViewAsync("123.456.abc", new JsonObject { ["type"] = "modal" }, Ct);
        using var connection = await silent.AcceptTcpClientAsync(Ct);
        clock.Advance(SlackApi.TriggerBudget);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening);
        Assert.False(Ct.IsCancellationRequested);
    }

    [Fact]
    public async Task Posts_to_one_channel_are_spaced_by_the_post_interval()
    {
        var interval = TimeSpan.FromMilliseconds(400);
        var api = Api(o => o.PostInterval = interval);

        await Task.WhenAll(
            api.PostMessageAsync(Channel, "first", null, null, Ct),
            api.PostMessageAsync(Channel, "second", null, null, Ct));

        var posts = slack.Calls("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= interval, $"posts came {posts[1].ReceivedAt - posts[0].ReceivedAt} apart");
    }

    [Fact]
    public async Task A_busy_channel_does_not_hold_up_another()
    {
        var clock = new FakeTimeProvider();
        var api = Api(o => o.PostInterval = TimeSpan.FromSeconds(1), clock);
        await api.PostMessageAsync(Channel, "first", null, null, Ct);

        var waiting = api.PostMessageAsync(Channel, "second", null, null, Ct);
        await api.PostMessageAsync("C-other", "elsewhere", null, null, Ct);
        var beforeTheInterval = slack.Calls("chat.postMessage").Select(c => c.Argument("text")).ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        await waiting;

        Assert.Equal(["first", "elsewhere"], beforeTheInterval);
        Assert.Equal(["first", "elsewhere", "second"], slack.Calls("chat.postMessage").Select(c => c.Argument("text")));
    }
}
