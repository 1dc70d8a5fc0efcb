using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.EndToEnd.Tests.Fakes;
using Vigil.ChatAgent.EndToEnd.Tests.Slack.Api;
using Vigil.ChatAgent.Slack;
using Vigil.ChatAgent.Slack.Api;

namespace Vigil.ChatAgent.EndToEnd.Tests.Slack;

/// <summary>How replies reach Slack when a file cannot or must not go along, and when Slack is unreachable.</summary>
public sealed class SlackConversationsTests : IAsyncLifetime
{
    private const string Channel = "C-design";
    private readonly CapturedLogs logs = new();
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

    [Fact]
    public async Task A_private_answer_too_long_for_one_message_is_not_uploaded_into_the_channel()
    {
        var command = Command(slack.ResponseUrl());

        await Conversations().RespondAsync(command, LongReply(), visibleToChannel: false, Ct);

        Assert.Empty(slack.Calls("files.getUploadURLExternal"));
        Assert.Empty(slack.Uploads());
        var response = Assert.Single(slack.Responses()).Message;
        Assert.Equal("ephemeral", (string?)response["response_type"]);
        Assert.Contains("/threat report", response["blocks"]!.AsArray().Last()!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_answer_with_its_own_file_says_where_to_get_it_instead_of_sharing_it()
    {
        var diagram = new ReplyFile("diagram.png", "Data flow", "image/png", [0x89, 0x50, 0x4E, 0x47]);

        await Conversations().RespondAsync(Command(slack.ResponseUrl()), new Reply("diagram", [new Paragraph("Here is the diagram.")], diagram), visibleToChannel: false, Ct);

        Assert.Empty(slack.Uploads());
        var blocks = Assert.Single(slack.Responses()).Message["blocks"]!.ToJsonString();
        Assert.Contains("Data flow", blocks, StringComparison.Ordinal);
        Assert.Contains("/threat report", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_answer_too_long_for_one_message_still_comes_with_the_full_report()
    {
        await Conversations().RespondAsync(Command(slack.ResponseUrl()), LongReply(), visibleToChannel: true, Ct);

        Assert.Single(slack.Uploads());
        Assert.Equal("in_channel", (string?)Assert.Single(slack.Responses()).Message["response_type"]);
    }

    [Fact]
    public async Task A_private_answer_whose_response_url_expired_is_posted_privately_in_the_channel()
    {
        var responseUrl = slack.ResponseUrl();
        slack.RefuseNext($"hooks/{responseUrl.Segments[^1]}", "expired_url");

        await Conversations().RespondAsync(Command(responseUrl), Reply.Say("Watching #design now."), visibleToChannel: false, Ct);

        var ephemeral = Assert.Single(slack.Ephemerals(Channel));
        Assert.Equal("Watching #design now.", ephemeral.Text);
        Assert.Empty(slack.Messages(Channel));
    }

    [Fact]
    public async Task A_channel_answer_whose_response_url_was_used_up_is_posted_in_the_channel()
    {
        var responseUrl = slack.ResponseUrl();
        slack.RefuseNext($"hooks/{responseUrl.Segments[^1]}", "used_url");

        await Conversations().RespondAsync(Command(responseUrl), Reply.Say("3 open risks."), visibleToChannel: true, Ct);

        Assert.Equal("3 open risks.", Assert.Single(slack.Messages(Channel)).Text);
    }

    [Fact]
    public async Task A_message_whose_file_cannot_be_attached_is_still_reported_as_posted_so_it_is_not_posted_twice()
    {
        slack.FailNext("files.completeUploadExternal", 500);
        var where = new ConversationRef("slack", FakeSlackServer.TeamId, Channel, "1700000000.000100");

        var ts = await Conversations().PostAsync(where, LongReply(), Ct);

        Assert.Equal(ts, Assert.Single(slack.Messages(Channel)).Ts);
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("could not attach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_slack_cannot_be_reached_a_channel_counts_as_private_and_links_and_threads_are_left_out()
    {
        var conversations = Conversations(o => o.ApiBaseUrl = ClosedPort());
        var message = new ConversationRef("slack", FakeSlackServer.TeamId, Channel, "1700000000.000100", "1700000000.000200");

        var isPrivate = await conversations.IsPrivateAsync(message, Ct);
        var link = await conversations.LinkAsync(message, Ct);
        var thread = await conversations.ThreadAsync(message, Ct);

        Assert.True(isPrivate);
        Assert.Null(link);
        Assert.Empty(thread);
    }

    private SlackConversations Conversations(Action<SlackOptions>? configure = null)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.Configure<SlackOptions>(options =>
        {
            options.BotToken = slack.BotToken;
            options.ApiBaseUrl = slack.ApiBaseUrl;
            options.PostInterval = TimeSpan.Zero;
            options.MaxRetries = 0;
            configure?.Invoke(options);
        });
        services.AddSlackApi().AddSingleton<SlackConversations>();
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider.GetRequiredService<SlackConversations>();
    }

    private static CommandInvoked Command(Uri responseUrl) =>
        new(new ConversationRef("slack", FakeSlackServer.TeamId, Channel), "U-alice", PrivateChannel: false, "report", responseUrl.AbsoluteUri);

    // More blocks than one Slack message holds, so the renderer cuts it and offers the full report as a file.
    private static Reply LongReply() =>
        new("Threat report", [new Heading("Threat report"), .. Enumerable.Range(1, 80).Select(i => new Paragraph($"Risk {i}: the reports API answers without authentication."))]);

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/api/");
    }
}
