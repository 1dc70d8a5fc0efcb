using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Bench;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Analysis;

// Slack Events endpoint under load: signed event_callback messages POSTed to the real host at a fixed rate
// (open loop), each acknowledged with HTTP 200 quickly and stored in the durable inbox.
//   dotnet run -c Release --project bench/SlackEventsBench -- [--rate 200] [--duration 60] [--quick] [--host-log-level Warning]
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
    $"--Slack:SigningSecret={signingSecret}",
    $"--Slack:ApiBaseUrl={slackApi.ApiBaseUrl}",
    .. options.HostLogLevel is null ? Array.Empty<string>() : [$"--Logging:LogLevel:Default={options.HostLogLevel}"],
    .. options.HostArgs,
];
var app = BenchHost.Build(hostArgs, options.WithoutWorkers);
// Time spent inside the host per request (after Kestrel parsed it), to tell server time from queueing.
var serverTicks = new ConcurrentQueue<long>();
app.Use(async (context, next) =>
{
    var started = Stopwatch.GetTimestamp();
    await next(context);
    if (context.Request.Path == "/slack/events")
    {
        serverTicks.Enqueue(Stopwatch.GetTimestamp() - started);
    }
});

// The catalogue compiles (~6 s of CPU) before the clock starts, as in a host that has been up a while.
_ = app.Services.GetRequiredService<ThreatAnalyzer>();
await app.StartAsync(cancellation);
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
{
    BaseAddress = new Uri(address.TrimEnd('/') + "/"),
    Timeout = TimeSpan.FromSeconds(30),
};
var inbox = app.Services.GetRequiredService<ConversationInbox>();
var loop = new OpenLoop(http, signingSecret, TimeProvider.System);
var envelopes = new EventEnvelopes(runId, seed: 20261126);

// Warm-up: one second at the rate (JIT, connections, SQLite, the embedding model on the worker's side), not counted.
var warmup = await loop.RunAsync([.. Enumerable.Range(0, options.Rate).Select(_ => envelopes.Next().Body)], options.Rate, cancellation);
await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
var storedBefore = (await inbox.CountsAsync(cancellation)).Values.Sum();
serverTicks.Clear();

var bodies = Enumerable.Range(0, options.Events).Select(_ => envelopes.Next().Body).ToArray();
Console.WriteLine($"[bench] warm-up: {warmup.Status.Count(s => s is >= 200 and < 300)}/{warmup.Count} acked, {storedBefore} stored; "
    + $"sending {options.Events} events at {options.Rate}/s for {options.DurationSeconds} s "
    + $"(bodies {bodies.Min(b => b.Length)}-{bodies.Max(b => b.Length)} bytes, mean {bodies.Average(b => b.Length):0}); host log level {options.HostLogLevel ?? "as shipped"}"
    + (options.WithoutWorkers ? "; WITHOUT background workers" : "") + (options.MinThreads is { } m ? $"; thread pool minimum {m}" : "")
    + (options.HostArgs.Count > 0 ? $"; host {string.Join(' ', options.HostArgs)}" : ""));
var jobs = app.Services.GetRequiredService<JobQueue>();
var ingestedBefore = (await jobs.ListAsync(ItemStatus.Done, cancellation)).Count;
var before = MachineState.Now();
var clock = Stopwatch.StartNew();
var sampler = new ThreadPoolSampler();
var result = await loop.RunAsync(bodies, options.Rate, cancellation);
var elapsed = clock.Elapsed;
sampler.Dispose();
var after = MachineState.Now();

var ingested = (await jobs.ListAsync(ItemStatus.Done, cancellation)).Count - ingestedBefore;
var ingestionPending = await jobs.PendingCountAsync(cancellation);
await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
var counts = await inbox.CountsAsync(cancellation);
var stored = counts.Values.Sum() - storedBefore;
await app.StopAsync(cancellation);
await app.DisposeAsync();

var acked = result.Status.Count(s => s is >= 200 and < 300);
var latency = new Percentiles(result.LatencyTicks);
var ackedIn3s = result.LatencyTicks.Where((t, i) => result.Status[i] is >= 200 and < 300 && t * 1000.0 / Stopwatch.Frequency < 3000).Count();
var lost = result.Count - stored;
var cpu = (after.ProcessorTime - before.ProcessorTime).TotalSeconds;
Console.WriteLine();
Console.WriteLine($"[bench] sent      {result.Count} in {result.SendWindow.TotalSeconds:0.00} s ({result.Count / result.SendWindow.TotalSeconds:0.0}/s scheduled), all answered after {elapsed.TotalSeconds:0.00} s");
Console.WriteLine($"[bench] acked     {acked} (2xx); within Slack's 3 s: {ackedIn3s}");
Console.WriteLine($"[bench] non-2xx   {(acked == result.Count ? "none" : string.Join(", ", result.Status.Where(s => s is < 200 or >= 300).GroupBy(s => s).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}")))}");
foreach (var error in result.Errors.Distinct().Take(3))
{
    Console.WriteLine($"[bench]   {error}");
}

Console.WriteLine($"[bench] latency   {latency.Summary()} (from the scheduled send time)");
Console.WriteLine($"[bench] in host   {new Percentiles(serverTicks).Summary()} (middleware to response)");
Console.WriteLine($"[bench] p99/5 s   {Timeline.P99BySlice(result, options.Rate, 5)} ms (requests due in each 5 s of the run)");
Console.WriteLine($"[bench] pool      {sampler.Summary()}");
Console.WriteLine($"[bench] send lag  {new Percentiles(result.SendLagTicks).Summary()} (scheduler behind its schedule)");
Console.WriteLine($"[bench] inbox     {stored} stored ({string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}, warm-up included); lost {lost}");
Console.WriteLine($"[bench] ingestion {ingested} messages indexed during the run ({ingested / elapsed.TotalSeconds:0.0}/s), {ingestionPending} still queued at its end");
Console.WriteLine($"[bench] process   peak working set {MachineState.PeakWorkingSetBytes() / 1024 / 1024} MB; CPU {cpu:0.0} s in {elapsed.TotalSeconds:0.0} s ({cpu / elapsed.TotalSeconds * 100:0}% of one core); "
    + $"GCs gen0/1/2 {after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2}, pause {(after.GcPause - before.GcPause).TotalMilliseconds:0} ms");
Console.WriteLine($"[bench] Slack API {string.Join(", ", slackApi.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}");
Console.WriteLine($"[bench] machine   {Environment.ProcessorCount} cores; load average at start {before.LoadAverage}, at end {after.LoadAverage}");

var missed = new List<string>();
if (acked < result.Count)
{
    missed.Add($"{result.Count - acked} requests not acknowledged with 2xx");
}

if (!(latency[99] < options.P99TargetMs))
{
    missed.Add($"p99 {latency[99]:0.0} ms is not under {options.P99TargetMs} ms");
}

if (lost != 0)
{
    missed.Add($"{lost} events not in the inbox");
}

Console.WriteLine(missed.Count == 0 ? "[bench] PASS: every event acknowledged and stored, p99 under target" : $"[bench] FAIL: {string.Join("; ", missed)}");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(dataDir, recursive: true);
return missed.Count == 0 ? 0 : 1;
