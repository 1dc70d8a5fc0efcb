using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.ChatAgent.Hosting;

namespace Vigil.ChatAgent.Tests.Hosting;

/// <summary>The real host on a loopback port, as `vigil serve` starts it.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("vigil-host-").FullName;

    [Fact]
    public async Task Host_starts_on_loopback_and_answers_healthz()
    {
        await using var app = VigilHost.Build([$"--Vigil:DataDir={dataDir}"], "http://127.0.0.1:0");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var response = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Unwritable_data_dir_stops_the_start_naming_the_key()
    {
        var file = Path.Combine(dataDir, "not-a-folder");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);
        await using var app = VigilHost.Build([$"--Vigil:DataDir={file}"], "http://127.0.0.1:0");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Vigil:DataDir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_catalog_dir_stops_the_start_naming_the_key()
    {
        await using var app = VigilHost.Build([$"--Vigil:DataDir={dataDir}", $"--Vigil:CatalogDir={Path.Combine(dataDir, "no-such-rules")}"], "http://127.0.0.1:0");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Vigil:CatalogDir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_built_with_another_embedding_model_stops_the_start_and_says_to_reindex()
    {
        var older = new Vigil.Retrieval.Index.EmbeddedVectorIndex(Path.Combine(dataDir, "index.db"), new Vigil.Retrieval.Index.EmbeddingModel("older-model", 384));
        var chunk = new Vigil.Retrieval.Index.IndexedChunk("c1", "i1", new Vigil.Retrieval.Index.ChunkScope("T", "design"), "thread#1", "text", new float[384]);
        await older.UpsertAsync([chunk], TestContext.Current.CancellationToken);
        older.Dispose();
        await using var app = VigilHost.Build([$"--Vigil:DataDir={dataDir}"], "http://127.0.0.1:0");

        var error = await Assert.ThrowsAsync<Vigil.Retrieval.Index.IndexModelMismatchException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("'older-model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("vigil reindex", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }
}
