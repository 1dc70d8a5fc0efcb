using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Ingestion;
using Vigil.Ingestion.Queue;
using Vigil.Retrieval.Index;
using Vigil.ThreatModel.Analysis;

// Text ingestion end to end: messages accepted into the durable inbox until every one is stored, decoded, chunked,
// embedded (MiniLM), indexed and added to its thread's design record, on a fresh data folder.
//   dotnet run -c Release --project bench/IngestBench -- [messages=1000] [concurrency=2]
var messages = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var concurrency = args.Length > 1 ? args[1] : "2";
var dataDir = Directory.CreateTempSubdirectory("vigil-ingest-bench-").FullName;
string[] statements =
[
    "orders-svc publishes order events to the orders.v1 topic on kafka and loyalty-svc consumes them",
    "the billing api is internet-facing behind the shared ingress; we terminate TLS at the load balancer",
    "payments-svc calls the ledger service over plain http for now, mTLS is on the roadmap",
    "we store the customer's date of birth and address in postgres, encrypted at rest with KMS",
    "the admin console has no MFA yet, there is a ticket to add it next quarter",
];

var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Vigil:DataDir"] = dataDir,
    ["Ingestion:Concurrency"] = concurrency,
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.Services.AddSingleton(ThreatAnalyzer.DefaultCompiled);
builder.Services.AddIngestion(builder.Configuration).AddIngestionWorkers();
using var host = builder.Build();

// Warm-up: the model, the tokenizer and SQLite are loaded before the clock starts.
var inbox = host.Services.GetRequiredService<IngestionInbox>();
var queue = host.Services.GetRequiredService<JobQueue>();
var index = host.Services.GetRequiredService<IVectorIndex>();
await host.StartAsync();
await inbox.AcceptAsync(IngestRequest.Message(new ChunkScope("T", "warmup", "w"), "warmup#1", statements[0]), default);
while (await queue.PendingCountAsync(default) > 0)
{
    await Task.Delay(20);
}

var clock = Stopwatch.StartNew();
for (var i = 0; i < messages; i++)
{
    var scope = new ChunkScope("T", "design", $"thread-{i / 50}", $"m{i}");
    await inbox.AcceptAsync(IngestRequest.Message(scope, $"thread-{i / 50}#{i}", $"{statements[i % statements.Length]} (decision {i})"), default);
}

var accepted = clock.Elapsed;
while (await queue.PendingCountAsync(default) > 0)
{
    await Task.Delay(20);
}

var indexed = clock.Elapsed;
await host.StopAsync();
Console.WriteLine($"{messages} messages, concurrency {concurrency}: accepted in {accepted.TotalSeconds:0.00} s ({messages / accepted.TotalSeconds:0} msg/s); "
    + $"indexed in {indexed.TotalSeconds:0.00} s ({messages / indexed.TotalSeconds:0} msg/s end to end); {await index.CountAsync(default) - 1} chunks");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(dataDir, recursive: true);
