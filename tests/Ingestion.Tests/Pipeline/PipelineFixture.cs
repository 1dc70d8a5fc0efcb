using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ingestion.Pipeline;
using Vigil.Ingestion.Queue;
using Vigil.Retrieval.Index;
using Vigil.ThreatModel.Analysis;

namespace Vigil.Ingestion.Tests.Pipeline;

/// <summary>The real pipeline over a temporary data folder: SQLite queue, disk blobs, MiniLM, embedded index.</summary>
internal sealed class PipelineFixture : IAsyncDisposable
{
    public static readonly ChunkScope Design = new("T1", "design", "1712.0001");

    private readonly ServiceProvider services;
    private readonly bool ownsDataDir;

    public PipelineFixture(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? dataDir = null)
    {
        ownsDataDir = dataDir is null;
        DataDir = dataDir ?? Directory.CreateTempSubdirectory("vigil-pipeline-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Vigil:DataDir"] = DataDir })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(ThreatAnalyzer.Default);
        configure?.Invoke(collection);
        collection.AddIngestion(configuration);
        services = collection.BuildServiceProvider();
    }

    public string DataDir { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public Task<IngestionItem> AcceptAsync(IngestRequest request) => Get<IngestionInbox>().AcceptAsync(request, TestContext.Current.CancellationToken);

    /// <summary>Processes every item that is due now, one at a time, like a worker lane.</summary>
    public async Task<int> DrainAsync()
    {
        var queue = Get<JobQueue>();
        var worker = Get<IngestionWorker>();
        var processed = 0;
        while (await queue.LeaseAsync(TestContext.Current.CancellationToken) is { } item)
        {
            await worker.ProcessAsync(item, TestContext.Current.CancellationToken);
            processed++;
        }

        return processed;
    }

    public async Task<IngestionItem> ItemAsync(IngestionItem item) =>
        (await Get<JobQueue>().GetAsync(item.Id, TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDataDir)
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}

/// <summary>A step that fails transiently a given number of times, standing in for a store that is briefly down.</summary>
internal sealed class FlakyStep(int failures) : IPipelineStep
{
    private int calls;

    public string Name => "flaky";

    public int Calls => calls;

    public Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref calls) <= failures
            ? new StepOutcome.TransientError("blob store unavailable (503)")
            : StepOutcome.Done);
}
