using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.ChatAgent.EndToEnd.Tests.Fakes;

/// <summary>
/// Slack's Web API on 127.0.0.1 (a real Kestrel server on a free port) for end-to-end tests: it speaks
/// <c>{BaseUrl}/api/{method}</c> with query, form or JSON arguments, checks the bot token like Slack, keeps
/// channels, threads and files, and records every request. Faults can be scripted per method.
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    public const string DefaultBotToken = "xoxb-fake-bot-token";
    public const string TeamId = "T-fake";

    private const string ArrivedKey = "fake-slack-arrived";

    private readonly WebApplication app;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private readonly List<FakeSlackCall> calls = [];
    private readonly Dictionary<string, Queue<Func<HttpContext, IResult>>> faults = new(StringComparer.Ordinal);

    private FakeSlackServer(WebApplication app, string botToken, string botUserId)
    {
        this.app = app;
        BotToken = botToken;
        BotUserId = botUserId;
    }

    /// <summary>The token the fake accepts; a request with any other gets <c>invalid_auth</c> (or the sign-in page for files).</summary>
    public string BotToken { get; }

    /// <summary>The bot's own user id, as auth.test reports it and as the author of what the bot posts.</summary>
    public string BotUserId { get; }

    public string BotId => "B-fake";

    /// <summary>Where the server listens, ending in a slash: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be set to: <c>{BaseUrl}api/</c>.</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>Largest page conversations.replies/history return whatever <c>limit</c> asks, so pagination is exercised.</summary>
    public int MaxPageSize { get; set; } = 3;

    public static async Task<FakeSlackServer> StartAsync(
        string botToken = DefaultBotToken, string botUserId = "U-vigil", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeSlackServer(builder.Build(), botToken, botUserId);
        server.Map();
        await server.app.StartAsync(cancellationToken);
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Every recorded request to <paramref name="method"/> (e.g. <c>chat.postMessage</c>, <c>files/F1</c>, <c>upload/F1</c>).</summary>
    public IReadOnlyList<FakeSlackCall> Calls(string method)
    {
        lock (gate)
        {
            return [.. calls.Where(c => c.Method == method)];
        }
    }

    /// <summary>Every recorded request, in arrival order.</summary>
    public IReadOnlyList<FakeSlackCall> AllCalls()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }

    /// <summary>The next request to <paramref name="method"/> fails with HTTP <paramref name="status"/> (429 carries Retry-After when given). Calls queue up.</summary>
    public void FailNext(string method, int status, int? retryAfterSeconds = null) =>
        AddFault(method, context =>
        {
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(new JsonObject { ["ok"] = false, ["error"] = status == 429 ? "ratelimited" : "internal_error" }, statusCode: status);
        });

    /// <summary>The next request to <paramref name="method"/> gets HTTP 200 with <c>ok:false</c>, like Slack refusing (e.g. <c>missing_scope</c>).</summary>
    public void RefuseNext(string method, string error, string? needed = null) =>
        AddFault(method, _ => Results.Json(new JsonObject { ["ok"] = false, ["error"] = error, ["needed"] = needed, ["provided"] = needed is null ? null : "chat:write" }));

    /// <summary>The next request to <paramref name="method"/> is answered with a 302 to <paramref name="location"/>.</summary>
    public void RedirectNext(string method, Uri location) => AddFault(method, _ => Results.Redirect(location.AbsoluteUri));

    /// <summary>Polls until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = clock.Elapsed + timeout;
        while (!condition())
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"The fake Slack did not see the expected calls within {timeout}. Calls so far: "
                    + string.Join(", ", AllCalls().Select(c => c.Method)));
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void AddFault(string method, Func<HttpContext, IResult> fault)
    {
        lock (gate)
        {
            if (!faults.TryGetValue(method, out var queue))
            {
                faults[method] = queue = new Queue<Func<HttpContext, IResult>>();
            }

            queue.Enqueue(fault);
        }
    }

    private Func<HttpContext, IResult>? TakeFault(string method)
    {
        lock (gate)
        {
            return faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    // Arrival is stamped when the request reaches the server, before its body is read.
    private void Record(string method, HttpRequest request, JsonObject arguments)
    {
        var arrived = request.HttpContext.Items[ArrivedKey] as TimeSpan? ?? clock.Elapsed;
        var authorization = request.Headers.Authorization.Count == 0 ? null : request.Headers.Authorization.ToString();
        lock (gate)
        {
            calls.Add(new FakeSlackCall(method, request.Method, authorization, arguments, request.ContentType, arrived));
        }
    }

    private bool HasBotToken(HttpRequest request) => request.Headers.Authorization.ToString() == $"Bearer {BotToken}";

    private void Map()
    {
        app.Use((context, next) =>
        {
            context.Items[ArrivedKey] = clock.Elapsed;
            return next(context);
        });
        MapSocketMode();
        app.MapMethods("/api/{method}", ["GET", "POST"], HandleApiAsync);
        app.MapGet("/files/{id}", ServeFile);
        app.MapPost("/upload/{id}", ReceiveUploadAsync);
        app.MapPost("/hooks/{id}", ReceiveResponseAsync);
    }

    private async Task<IResult> HandleApiAsync(HttpContext context, string method)
    {
        var arguments = await ReadArgumentsAsync(context.Request);
        Record(method, context.Request, arguments);
        if (TakeFault(method) is { } fault)
        {
            return fault(context);
        }

        if (!HasBotToken(context.Request))
        {
            return Results.Json(Error(context.Request.Headers.Authorization.Count == 0 ? "not_authed" : "invalid_auth"));
        }

        JsonObject answer;
        lock (gate)
        {
            answer = Answer(method, arguments);
        }

        return Results.Json(answer);
    }

    // Slack takes arguments in the query string, a form body or a JSON body; all end up as one object here.
    private static async Task<JsonObject> ReadArgumentsAsync(HttpRequest request)
    {
        var arguments = new JsonObject();
        foreach (var (name, value) in request.Query)
        {
            arguments[name] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync())
            {
                arguments[name] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
            && await JsonNode.ParseAsync(request.Body) is JsonObject body)
        {
            foreach (var (name, value) in body)
            {
                arguments[name] = value?.DeepClone();
            }
        }

        return arguments;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
