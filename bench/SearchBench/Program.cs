using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vigil.Bench;
using Vigil.Retrieval.Index;

// Search latency of the embedded index at 10k and 100k chunks (random unit vectors, 384 dimensions, the scope filter
// active: a quarter of the channels are private) and the memory its in-memory copy takes.
var sizes = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : [10_000, 100_000];
var queries = args.Length > 1 ? int.Parse(args[1]) : 300;
const int Dimensions = 384;

foreach (var size in sizes)
{
    var folder = Path.Combine(Path.GetTempPath(), "vigil-searchbench-" + Guid.NewGuid().ToString("N"));
    var path = Path.Combine(folder, "index.db");
    try
    {
        var written = Stopwatch.StartNew();
        using (var writer = new EmbeddedVectorIndex(path, new EmbeddingModel("random", Dimensions)))
        {
            foreach (var batch in SyntheticChunks.Generate(size, Dimensions).Chunk(2_000))
            {
                await writer.UpsertAsync(batch, CancellationToken.None);
            }
        }

        written.Stop();

        // A fresh instance, as after a restart: the first search loads the vectors from SQLite.
        using var index = new EmbeddedVectorIndex(path, new EmbeddingModel("random", Dimensions));
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var loading = Stopwatch.StartNew();
        var scope = new SearchScope(SyntheticChunks.Workspace, "channel-0");
        await index.SearchAsync(SyntheticChunks.UnitVector(new Random(1), Dimensions), scope, 10, CancellationToken.None);
        loading.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSet = Process.GetCurrentProcess().WorkingSet64;

        var random = new Random(7);
        var questions = Enumerable.Range(0, queries + 20).Select(_ => SyntheticChunks.UnitVector(random, Dimensions)).ToList();
        var timings = new List<double>(queries);
        var visiblePrivate = 0;
        var exactFound = 0;
        var all = SyntheticChunks.Generate(size, Dimensions).ToList();
        for (var q = 0; q < questions.Count; q++)
        {
            var asked = new SearchScope(SyntheticChunks.Workspace, $"channel-{q % SyntheticChunks.Channels}");
            var clock = Stopwatch.StartNew();
            var hits = await index.SearchAsync(questions[q], asked, 10, CancellationToken.None);
            clock.Stop();
            visiblePrivate += hits.Count(h => h.Chunk.Scope.PrivateChannel && h.Chunk.Scope.Channel != asked.Channel);
            if (q >= 20)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();

        // Recall against an exact float scan over the visible chunks: what the byte-sized copy costs in quality.
        for (var q = 0; q < questions.Count; q++)
        {
            var asked = new SearchScope(SyntheticChunks.Workspace, $"channel-{q % SyntheticChunks.Channels}");
            var question = questions[q];
            var exact = all.Where(c => asked.CanSee(c.Scope))
                .OrderByDescending(c => System.Numerics.Tensors.TensorPrimitives.Dot(question, c.Vector.Span))
                .Take(10).Select(c => c.Id).ToHashSet();
            exactFound += (await index.SearchAsync(question, asked, 10, CancellationToken.None)).Count(h => exact.Contains(h.Chunk.Id));
        }

        // Keyword search over the same chunks: BM25 over FTS5, scope in the WHERE clause. Each question names one rare
        // word (a chunk id appears in exactly one chunk's text) and one common word.
        var keywordTimings = new List<double>(queries);
        for (var q = 0; q < questions.Count; q++)
        {
            var asked = new SearchScope(SyntheticChunks.Workspace, $"channel-{q % SyntheticChunks.Channels}");
            var clock = Stopwatch.StartNew();
            await ((IKeywordIndex)index).SearchAsync($"who owns marker{random.Next(size)} and the {SyntheticChunks.CommonWord(q)}?", asked, 10, CancellationToken.None);
            if (q >= 20)
            {
                keywordTimings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        keywordTimings.Sort();
        Console.WriteLine($"{size,7:N0} chunks: keyword search p50 {Percentile(keywordTimings, 0.50):F2} ms p99 {Percentile(keywordTimings, 0.99):F2} ms");

        // The scan alone, without reading the hits' text from SQLite: where the time goes.
        var table = new VectorTable(Dimensions);
        table.Upsert(SyntheticChunks.Generate(size, Dimensions).Select(c => (c.Id, c.Scope, c.Vector)));
        var scans = new List<double>(queries);
        for (var q = 0; q < questions.Count; q++)
        {
            var clock = Stopwatch.StartNew();
            table.Search(questions[q], new SearchScope(SyntheticChunks.Workspace, $"channel-{q % SyntheticChunks.Channels}"), 10);
            if (q >= 20)
            {
                scans.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        scans.Sort();
        Console.WriteLine($"{size,7:N0} chunks: scan alone p50 {Percentile(scans, 0.50):F2} ms p99 {Percentile(scans, 0.99):F2} ms");
        Console.WriteLine(
            $"{size,7:N0} chunks: write {written.Elapsed.TotalSeconds:F1} s, load {loading.Elapsed.TotalMilliseconds:F0} ms, "
            + $"search p50 {Percentile(timings, 0.50):F2} ms p99 {Percentile(timings, 0.99):F2} ms max {timings[^1]:F2} ms ({queries} queries, top 10), "
            + $"managed heap for the copy {(heapAfter - heapBefore) / 1048576.0:F0} MB, working set {workingSet / 1048576.0:F0} MB, "
            + $"other channels' private hits {visiblePrivate}, recall@10 vs exact float scan {exactFound / (10.0 * questions.Count):P2}");
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
