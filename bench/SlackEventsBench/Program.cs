using System.Diagnostics;
using System.Security.Cryptography;
using Vigil.Bench;
using Vigil.Ingestion.Queue;

// Slack Events endpoint under load: signed event_callback messages POSTed to the real host at a fixed rate
// (open loop), each to be acknowledged with HTTP 200 quickly and stored in the durable inbox.
//   dotnet run -c Release --project bench/SlackEventsBench -- [--rate 200] [--duration 60] [--quick] [--out-of-process]
// Exit code 1 when a target is missed: a request not answered 2xx, p99 at or over --p99-ms, an event not stored.
var options = BenchOptions.Parse(args);
if (options.MinThreads is { } minThreads)
{
    ThreadPool.GetMinThreads(out _, out var io);
    ThreadPool.SetMinThreads(minThreads, Math.Max(io, minThreads));
}

var cancellation = CancellationToken.None;
var dataDir = Directory.CreateTempSubdirectory("vigil-slack-bench-").FullName;
var signingSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
var runId = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));

await using var slackApi = await SlackApiStub.StartAsync(cancellation);
string[] hostArgs =
[
    $"--Vigil:DataDir={dataDir}",
    "--Slack:BotToken=xoxb-bench",
    $"--Slack:ApiBaseUrl={slackApi.ApiBaseUrl}",
    .. options.HostLogLevel is null ? Array.Empty<string>() : [$"--Logging:LogLevel:Default={options.HostLogLevel}"],
    .. options.HostArgs,
];
var host = options.OutOfProcess
    ? await ChildHost.StartAsync(hostArgs, new Dictionary<string, string> { ["Slack__SigningSecret"] = signingSecret }, dataDir, cancellation)
    : await HostUnderTest.StartInProcessAsync([.. hostArgs, $"--Slack:SigningSecret={signingSecret}"], options.WithoutWorkers, cancellation);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
{
    BaseAddress = host.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};
var loop = new OpenLoop(http, signingSecret, TimeProvider.System);
var envelopes = new EventEnvelopes(runId, seed: 20261126);

// Warm-up: one second at the rate (JIT, connections, SQLite, the embedding model on the worker's side), not counted.
var warmup = await loop.RunAsync([.. Enumerable.Range(0, options.Rate).Select(_ => envelopes.Next().Body)], options.Rate, cancellation);
await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
var storedBefore = (await host.Inbox.CountsAsync(cancellation)).Values.Sum();
host.ServerTicks?.Clear();

var bodies = Enumerable.Range(0, options.Events).Select(_ => envelopes.Next().Body).ToArray();
Console.WriteLine($"[bench] warm-up: {warmup.Status.Count(s => s is >= 200 and < 300)}/{warmup.Count} acked, {storedBefore} stored; "
    + $"sending {options.Events} events at {options.Rate}/s for {options.DurationSeconds} s "
    + $"(bodies {bodies.Min(b => b.Length)}-{bodies.Max(b => b.Length)} bytes, mean {bodies.Average(b => b.Length):0}); host {(options.OutOfProcess ? "in a child process" : "in process")}, "
    + $"log level {options.HostLogLevel ?? "as shipped"}"
    + (options.WithoutWorkers ? "; WITHOUT background workers" : "") + (options.MinThreads is { } m ? $"; thread pool minimum {m}" : "")
    + (options.HostArgs.Count > 0 ? $"; host {string.Join(' ', options.HostArgs)}" : ""));
var ingestedBefore = (await host.Jobs.ListAsync(ItemStatus.Done, cancellation)).Count;
var before = MachineState.Of(host.Process);
var clock = Stopwatch.StartNew();
var sampler = new ThreadPoolSampler();
var result = await loop.RunAsync(bodies, options.Rate, cancellation);
var elapsed = clock.Elapsed;
sampler.Dispose();
var after = MachineState.Of(host.Process);

var ingested = (await host.Jobs.ListAsync(ItemStatus.Done, cancellation)).Count - ingestedBefore;
var ingestionPending = await host.Jobs.PendingCountAsync(cancellation);
await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
var counts = await host.Inbox.CountsAsync(cancellation);
var report = new Report(options, result, elapsed, before, after, host.Process.PeakWorkingSet64, host.ServerTicks, host.Process.Id == Environment.ProcessId)
{
    Stored = counts.Values.Sum() - storedBefore,
    InboxCounts = counts,
    Ingested = ingested,
    IngestionPending = ingestionPending,
    ThreadPool = sampler.Summary(),
    SlackApiCalls = slackApi.Calls,
};
await host.DisposeAsync();
var missed = report.Print();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(dataDir, recursive: true);
return missed == 0 ? 0 : 1;
