using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ingestion.Decoding.Audio;
using Whisper.net.Ggml;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

public sealed class WhisperModelStoreTests : IDisposable
{
    private readonly DirectoryInfo dataDir = Directory.CreateTempSubdirectory("vigil-models-test-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => dataDir.Delete(recursive: true);

    [Fact]
    public async Task Offline_the_missing_model_is_reported_with_the_download_error_and_where_it_was_expected()
    {
        using var store = Store(ScriptedModelSource.Offline(), new TranscriptionOptions { ModelSize = "base.en" });

        var lookup = await store.FindAsync(TestContext.Current.CancellationToken);

        Assert.Null(lookup.Path);
        Assert.Contains("ggml-base.en.bin is not in " + Path.Combine(dataDir.FullName, "models"), lookup.Problem);
        Assert.Contains(ScriptedModelSource.OfflineMessage, lookup.Problem);
    }

    [Fact]
    public async Task A_failed_download_is_not_tried_again_for_ten_minutes()
    {
        var ct = TestContext.Current.CancellationToken;
        var hub = ScriptedModelSource.Offline();
        using var store = Store(hub);

        await store.FindAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(9));
        var stillRemembered = await store.FindAsync(ct);
        var requestsWithinTenMinutes = hub.Requests;
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.FindAsync(ct);

        Assert.Equal(1, requestsWithinTenMinutes);
        Assert.Contains(ScriptedModelSource.OfflineMessage, stillRemembered.Problem);
        Assert.Equal(2, hub.Requests);
    }

    [Fact]
    public async Task A_downloaded_model_lands_under_its_final_name_in_the_models_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var hub = ScriptedModelSource.Serving([1, 2, 3, 4]);
        using var store = Store(hub, new TranscriptionOptions { ModelSize = "small" });

        var first = await store.FindAsync(ct);
        var second = await store.FindAsync(ct);

        var expected = Path.Combine(dataDir.FullName, "models", "ggml-small.bin");
        Assert.Equal(expected, first.Path);
        Assert.Equal(expected, second.Path);
        Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(expected, ct));
        Assert.Equal([GgmlType.Small], hub.Requested);
    }

    [Fact]
    public async Task An_interrupted_download_leaves_no_model_file_to_be_loaded()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = Store(ScriptedModelSource.DroppingAfter(3 * 1024 * 1024));

        var lookup = await store.FindAsync(ct);

        Assert.Null(lookup.Path);
        Assert.Contains("The response ended prematurely", lookup.Problem);
        Assert.Empty(Directory.GetFiles(Path.Combine(dataDir.FullName, "models")));
    }

    [Fact]
    public async Task A_configured_model_path_that_does_not_exist_is_named_and_never_replaced_by_a_download()
    {
        var hub = ScriptedModelSource.Serving([1]);
        var missing = Path.Combine(dataDir.FullName, "nowhere", "ggml-large-v3.bin");
        using var store = Store(hub, new TranscriptionOptions { ModelPath = missing });

        var lookup = await store.FindAsync(TestContext.Current.CancellationToken);

        Assert.Equal($"Transcription:ModelPath is \"{missing}\", but there is no file there", lookup.Problem);
        Assert.Equal(0, hub.Requests);
    }

    [Fact]
    public async Task A_model_already_in_the_models_folder_is_used_without_asking_the_hub()
    {
        var hub = ScriptedModelSource.Offline();
        Directory.CreateDirectory(Path.Combine(dataDir.FullName, "models"));
        var present = Path.Combine(dataDir.FullName, "models", "ggml-base.bin");
        await File.WriteAllBytesAsync(present, [9], TestContext.Current.CancellationToken);
        using var store = Store(hub);

        var lookup = await store.FindAsync(TestContext.Current.CancellationToken);

        Assert.Equal(present, lookup.Path);
        Assert.Equal(0, hub.Requests);
    }

    private WhisperModelStore Store(IGgmlModelSource hub, TranscriptionOptions? options = null) =>
        new(options ?? new TranscriptionOptions(), dataDir.FullName, hub, clock, NullLogger<WhisperModelStore>.Instance);
}
