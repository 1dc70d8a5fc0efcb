using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Pipeline;
using Vigil.Ingestion.Queue;
using Vigil.Ingestion.Storage;
using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Tests.Pipeline;

public sealed class PipelineTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_go_through_every_step_and_are_indexed_with_their_scope()
    {
        await using var pipeline = new PipelineFixture();
        var first = await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design with { Message = "m1" }, "thread#1", "payments-svc calls the ledger over plain http"));
        var second = await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design with { Message = "m2" }, "thread#2", "the webhook endpoint doesn't verify signatures yet"));

        Assert.Equal(2, await pipeline.DrainAsync());

        var chunks = await pipeline.Get<IVectorIndex>().ChunksPerItemAsync(Cancel);
        Assert.Equal(1, chunks[first.Id]);
        Assert.Equal(1, chunks[second.Id]);
        Assert.Equal(ItemStatus.Done, (await pipeline.ItemAsync(first)).Status);

    }

    [Fact]
    public async Task The_same_message_accepted_twice_is_one_item_processed_once()
    {
        await using var pipeline = new PipelineFixture();
        var request = IngestRequest.Message(PipelineFixture.Design with { Message = "m1" }, "thread#1", "the api gateway fronts orders-svc");

        var once = await pipeline.AcceptAsync(request);
        await pipeline.DrainAsync();
        var again = await pipeline.AcceptAsync(request);

        Assert.Equal(once.Id, again.Id);
        Assert.Equal(0, await pipeline.DrainAsync());
        Assert.Equal(1, await pipeline.Get<IVectorIndex>().CountAsync(Cancel));
    }

    [Fact]
    public async Task A_corrupt_file_becomes_a_dead_letter_with_its_reason_and_the_rest_still_index()
    {
        await using var pipeline = new PipelineFixture();
        var corrupt = await pipeline.AcceptAsync(IngestRequest.File(PipelineFixture.Design, "diagram.bin", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3 }));
        Assert.True(await pipeline.Get<IBlobStore>().ExistsAsync(BlobKey.ForHash(corrupt.ContentHash), Cancel) is false);
        var empty = await pipeline.AcceptAsync(IngestRequest.File(PipelineFixture.Design, "notes.txt", Array.Empty<byte>()));
        var message = await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#1", "orders-svc publishes to orders.v1"));

        await pipeline.DrainAsync();

        // The file's bytes are kept even though it could not be read: nothing accepted is lost.
        Assert.True(await pipeline.Get<IBlobStore>().ExistsAsync(BlobKey.ForHash(corrupt.ContentHash), Cancel));
        var dead = await pipeline.Get<JobQueue>().DeadLettersAsync(Cancel);
        Assert.Equal([corrupt.Id, empty.Id], dead.Select(d => d.Id));
        Assert.Contains("not a format Vigil reads", dead[0].Reason);
        Assert.Equal("the file is empty (0 bytes)", dead[1].Reason);
        Assert.Equal(ItemStatus.Done, (await pipeline.ItemAsync(message)).Status);
    }

    [Fact]
    public async Task A_transient_error_is_retried_after_a_backoff_and_then_succeeds()
    {
        var flaky = new FlakyStep(failures: 2);
        await using var pipeline = new PipelineFixture(
            new() { ["Ingestion:Steps:0"] = "store", ["Ingestion:Steps:1"] = "flaky", ["Ingestion:Steps:2"] = "decode" },
            services => services.AddSingleton<IPipelineStep>(flaky));
        var item = await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#1", "hello"));

        await pipeline.DrainAsync();
        var waiting = await pipeline.ItemAsync(item);
        Assert.Equal((ItemStatus.Queued, "blob store unavailable (503)"), (waiting.Status, waiting.Reason));
        Assert.Equal(0, await pipeline.DrainAsync());

        pipeline.Time.Advance(TimeSpan.FromSeconds(3));
        await pipeline.DrainAsync();
        pipeline.Time.Advance(TimeSpan.FromSeconds(6));
        await pipeline.DrainAsync();

        Assert.Equal(ItemStatus.Done, (await pipeline.ItemAsync(item)).Status);
        Assert.Equal(3, flaky.Calls);
    }

    [Fact]
    public async Task An_item_that_keeps_failing_is_given_up_after_the_configured_attempts()
    {
        await using var pipeline = new PipelineFixture(
            new() { ["Ingestion:Steps:0"] = "flaky", ["Ingestion:MaxAttempts"] = "3" },
            services => services.AddSingleton<IPipelineStep>(new FlakyStep(failures: 100)));
        var item = await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#1", "hello"));

        for (var i = 0; i < 5; i++)
        {
            await pipeline.DrainAsync();
            pipeline.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var dead = await pipeline.ItemAsync(item);
        Assert.Equal(ItemStatus.Failed, dead.Status);
        Assert.Equal("blob store unavailable (503) (gave up after 3 attempts)", dead.Reason);
    }

    [Fact]
    public async Task An_item_left_running_by_a_killed_process_is_resumed_on_restart_and_indexed_once()
    {
        var dataDir = Directory.CreateTempSubdirectory("vigil-restart-").FullName;
        IngestionItem item;
        await using (var before = new PipelineFixture(dataDir: dataDir))
        {
            item = await before.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#1", "the mobile app stores the refresh token in AsyncStorage"));
            // Leased, partly processed, then the process "dies": no completion is recorded.
            var leased = (await before.Get<JobQueue>().LeaseAsync(Cancel))!;
            await before.Get<IngestionPipeline>().RunAsync(leased, Cancel);
        }

        await using var restarted = new PipelineFixture(dataDir: dataDir);
        Assert.Equal(1, await restarted.Get<JobQueue>().RecoverAbandonedAsync(Cancel));
        await restarted.DrainAsync();

        Assert.Equal(ItemStatus.Done, (await restarted.ItemAsync(item)).Status);
        Assert.Equal(1, await restarted.Get<IVectorIndex>().CountAsync(Cancel));
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Back_pressure_holds_a_caller_while_too_many_items_wait()
    {
        await using var pipeline = new PipelineFixture(new() { ["Ingestion:MaxPending"] = "2" });
        await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#1", "one"));
        await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#2", "two"));

        var third = pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#3", "three"));
        pipeline.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100, Cancel);
        Assert.False(third.IsCompleted);

        await pipeline.DrainAsync();
        pipeline.Time.Advance(TimeSpan.FromSeconds(1));
        var accepted = await third.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal(ItemStatus.Queued, accepted.Status);
    }

    [Fact]
    public async Task A_thread_model_is_rebuilt_from_its_ingested_messages_and_versioned()
    {
        await using var pipeline = new PipelineFixture();
        var corpusThread = Path.Combine(RepositoryPaths.Corpus, "01-payments-webhook", "thread.json");
        var (requests, _) = Vigil.Ingestion.Sources.IngestRequests.From([corpusThread], "T1", "payments", privateChannel: false);
        foreach (var request in requests)
        {
            await pipeline.AcceptAsync(request);
        }

        await pipeline.DrainAsync();
        var modeler = pipeline.Get<ThreadModeler>();
        Assert.Equal(1, await modeler.RebuildDueAsync(TimeSpan.Zero, TimeSpan.Zero, Cancel));
        Assert.Equal(0, await modeler.RebuildDueAsync(TimeSpan.Zero, TimeSpan.Zero, Cancel));

        var latest = await pipeline.Get<ModelVersions>().LatestAsync("T1/payments/01-payments-webhook", Cancel);
        Assert.NotNull(latest);
        Assert.Equal(1, latest.Value.Version);
        using var analysis = System.Text.Json.JsonDocument.Parse(latest.Value.Json);
        Assert.True(analysis.RootElement.GetProperty("findings").GetArrayLength() >= 5);
        Assert.Contains("webhook", latest.Value.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_edited_message_replaces_its_earlier_text_in_the_index_and_the_design_record()
    {
        await using var pipeline = new PipelineFixture();
        var place = PipelineFixture.Design with { Message = "m7" };
        var original = await pipeline.AcceptAsync(IngestRequest.Message(place, "thread#7", "the admin api has no authentication for now"));
        await pipeline.DrainAsync();

        var edited = await pipeline.AcceptAsync(IngestRequest.Message(place, "thread#7", "the admin api requires an OIDC bearer token"));
        await pipeline.DrainAsync();

        var chunks = await pipeline.Get<IVectorIndex>().ChunksPerItemAsync(Cancel);
        Assert.False(chunks.ContainsKey(original.Id));
        Assert.Equal(1, chunks[edited.Id]);
        var sources = await pipeline.Get<DesignRecords>().SourcesAsync(edited.ThreadKey, Cancel);
        Assert.Equal("the admin api requires an OIDC bearer token", Assert.Single(sources).Text);
    }
}
