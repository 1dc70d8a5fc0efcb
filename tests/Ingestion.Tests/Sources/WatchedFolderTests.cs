using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Ingestion.Modeling;
using Vigil.ThreatModel.Analysis;

namespace Vigil.Ingestion.Tests.Sources;

public sealed class WatchedFolderTests
{
    [Fact]
    public async Task A_spec_saved_into_a_watched_folder_is_ingested_and_its_channel_model_rebuilt_when_it_changes()
    {
        var cancel = TestContext.Current.CancellationToken;
        var dataDir = Directory.CreateTempSubdirectory("vigil-watch-data-").FullName;
        var watched = Directory.CreateTempSubdirectory("vigil-watch-specs-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Vigil:DataDir"] = dataDir;
        builder.Configuration["Ingestion:WatchFolders:0:Path"] = watched;
        builder.Configuration["Ingestion:WatchFolders:0:Channel"] = "payments-api";
        builder.Configuration["Ingestion:ModelQuietPeriod"] = "00:00:00.200";
        builder.Services.AddSingleton(ThreatAnalyzer.Default);
        builder.Services.AddIngestion(builder.Configuration).AddIngestionWorkers();
        using var host = builder.Build();
        await host.StartAsync(cancel);
        var versions = host.Services.GetRequiredService<ModelVersions>();
        try
        {
            var spec = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Corpus, "01-payments-webhook", "openapi.yaml"), cancel);
            await File.WriteAllTextAsync(Path.Combine(watched, "payments.yaml"), spec, cancel);
            var first = await WaitForVersionAsync(versions, 1, cancel);
            Assert.Contains("\"kind\"", first);

            await File.WriteAllTextAsync(Path.Combine(watched, "payments.yaml"), spec.Replace("http://", "https://", StringComparison.Ordinal) + "\n# reviewed\n", cancel);
            var second = await WaitForVersionAsync(versions, 2, cancel);
            Assert.NotEqual(first, second);
        }
        finally
        {
            await host.StopAsync(cancel);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
            Directory.Delete(watched, recursive: true);
        }
    }

    private static async Task<string> WaitForVersionAsync(ModelVersions versions, int version, CancellationToken cancel)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (await versions.LatestAsync("local/payments-api/-", cancel) is { } latest && latest.Version >= version)
            {
                return latest.Json;
            }

            await Task.Delay(100, cancel);
        }

        throw new TimeoutException($"the watched folder's model never reached version {version}");
    }
}
