using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.ChatAgent.EndToEnd.Tests.Fakes;
using Vigil.ChatAgent.Hosting;
using Vigil.ChatAgent.Slack.Http;

namespace Vigil.ChatAgent.EndToEnd.Tests.Host;

/// <summary>
/// The real Vigil host on a loopback port, wired to a fake Slack Web API on another, and a client that sends what
/// Slack sends: signed events, commands and interactions.
/// </summary>
public sealed class VigilUnderTest : IAsyncDisposable
{
    public const string SigningSecret = "e2e-signing-secret-0123456789abcdef";
    public const string Channel = "C-design";

    private readonly string dataDir;
    private int eventCounter;

    private VigilUnderTest(FakeSlackServer slack, WebApplication app, HttpClient http, string dataDir)
    {
        Slack = slack;
        App = app;
        Http = http;
        this.dataDir = dataDir;
    }

    public FakeSlackServer Slack { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>Starts both servers. Timings are shortened so summaries come within seconds, not minutes.</summary>
    public static async Task<VigilUnderTest> StartAsync(params string[] extraArgs)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var slack = await FakeSlackServer.StartAsync(cancellationToken: cancellationToken);
        var dataDir = Directory.CreateTempSubdirectory("vigil-e2e-").FullName;
        string[] args =
        [
            $"--Vigil:DataDir={dataDir}",
            $"--Slack:BotToken={slack.BotToken}",
            $"--Slack:SigningSecret={SigningSecret}",
            $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            "--Slack:PostInterval=00:00:00.050",
            "--Ingestion:ModelQuietPeriod=00:00:00.300",
            "--Ingestion:ModelMaxDelay=00:00:03",
            "--Summaries:QuietPeriod=00:00:01",
            "--Summaries:PollInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = VigilHost.Build(args, "http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new VigilUnderTest(slack, app, new HttpClient { BaseAddress = new Uri(address) }, dataDir);
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Wraps an inner event in Slack's event_callback envelope and posts it signed; returns the event id used.</summary>
    public async Task<(HttpResponseMessage Response, string EventId)> PostEventAsync(JsonObject inner, string? eventId = null, int? retryNum = null)
    {
        eventId ??= $"Ev{Interlocked.Increment(ref eventCounter):D8}";
        var envelope = new JsonObject
        {
            ["token"] = "legacy-token-ignored",
            ["team_id"] = FakeSlackServer.TeamId,
            ["api_app_id"] = "A-vigil",
            ["event"] = inner.DeepClone(),
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = FakeSlackServer.TeamId, ["user_id"] = Slack.BotUserId, ["is_bot"] = true }),
        };
        var headers = retryNum is { } n ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = n.ToString(CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_timeout" } : null;
        return (await PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", extraHeaders: headers), eventId);
    }

    /// <summary>A <c>/threat</c> command as Slack posts it (form-encoded), with a response_url on the fake.</summary>
    public Task<HttpResponseMessage> PostCommandAsync(string text, string user = "U-alice", string channel = Channel) =>
        PostSignedAsync("/slack/commands", Form(new()
        {
            ["token"] = "legacy",
            ["team_id"] = FakeSlackServer.TeamId,
            ["team_domain"] = "fake",
            ["channel_id"] = channel,
            ["channel_name"] = "design",
            ["user_id"] = user,
            ["user_name"] = user,
            ["command"] = "/threat",
            ["text"] = text,
            ["api_app_id"] = "A-vigil",
            ["response_url"] = Slack.ResponseUrl().AbsoluteUri,
            ["trigger_id"] = $"{Interlocked.Increment(ref eventCounter)}.trigger",
        }), "application/x-www-form-urlencoded");

    /// <summary>An interaction payload (block_actions, view_submission) as Slack posts it: one form field, <c>payload</c>.</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactions", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    /// <summary>Posts a body signed with <paramref name="secret"/> at <paramref name="timestamp"/> (now by default).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string path, string body, string contentType, DateTimeOffset? timestamp = null, string secret = SigningSecret, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(secret, ts, bytes));
        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the fake holds a message from Vigil matching <paramref name="match"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<FakeSlackMessage> BotMessageAsync(Func<FakeSlackMessage, bool> match, TimeSpan? timeout = null, string channel = Channel)
    {
        FakeSlackMessage? found = null;
        await Slack.WaitForAsync(() => (found = Slack.Messages(channel).LastOrDefault(m => m.User == Slack.BotUserId && match(m))) is not null, timeout ?? TimeSpan.FromSeconds(90));
        return found!;
    }

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
