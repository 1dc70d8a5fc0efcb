using System.Diagnostics;
using Vigil.Retrieval.Embeddings;

// Embedding throughput: Vigil's generator given all chunks at once (batches of 32, run side by side on the cores)
// against one sentence at a time through the same ONNX session, in the same run, on the same realistic chunks.
//   dotnet run -c Release --project bench/EmbedBench -- [chunks=640]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 640;
string[] templates =
[
    "orders-svc publishes order events to the orders.v1 topic and loyalty-svc consumes them to award points ({0})",
    "the billing api is internet-facing behind the shared ingress; TLS terminates at the load balancer ({0})",
    "payments-svc calls the ledger service over plain http for now, mTLS is on the roadmap for next quarter ({0})",
    "support uses the Retool panel, which calls POST /admin/refunds with one shared X-Admin-Key header ({0})",
];
var chunks = Enumerable.Range(0, count).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[i % templates.Length], i)).ToArray();
using var generator = new MiniLmEmbeddingGenerator();
await generator.GenerateAsync(chunks.Take(32));
await generator.GenerateAsync(chunks.Take(1));

var single = Stopwatch.StartNew();
foreach (var chunk in chunks)
{
    await generator.GenerateAsync([chunk]);
}

single.Stop();
var batched = Stopwatch.StartNew();
await generator.GenerateAsync(chunks);

batched.Stop();
double PerSecond(Stopwatch clock) => count / clock.Elapsed.TotalSeconds;
Console.WriteLine($"{count} chunks: one at a time {PerSecond(single):0} chunks/s; batched {PerSecond(batched):0} chunks/s; "
    + $"batched is {single.Elapsed / batched.Elapsed:0.00}x faster");
