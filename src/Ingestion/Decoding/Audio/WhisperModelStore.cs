using Microsoft.Extensions.Logging;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// Finds the Whisper model file: <c>Transcription:ModelPath</c> when set, else <c>ggml-&lt;size&gt;.bin</c> in
/// <c>&lt;Vigil:DataDir&gt;/models</c>, downloaded there once when absent. One download runs at a time for all callers
/// and is not tied to any caller's cancellation, so a voice note that times out does not abort it. A failed download
/// is remembered for <see cref="RetryAfterFailure"/>, so an offline host does not try again for every voice note.
/// </summary>
public sealed class WhisperModelStore : IDisposable
{
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(10);

    /// <summary>How long a caller waits for a running download before being told it is still running.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    /// <summary>A transfer that delivers nothing for this long is abandoned (a silently dropped connection).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);

    private readonly TranscriptionOptions options;
    private readonly IGgmlModelSource source;
    private readonly TimeProvider time;
    private readonly ILogger<WhisperModelStore> logger;
    private readonly CancellationTokenSource shutdown = new();
    private readonly Lock gate = new();
    private Task? download;
    private (DateTimeOffset At, string Problem)? lastFailure;

    public WhisperModelStore(TranscriptionOptions options, string dataDirectory, IGgmlModelSource source, TimeProvider time, ILogger<WhisperModelStore> logger)
    {
        this.options = options;
        this.source = source;
        this.time = time;
        this.logger = logger;
        ModelsDirectory = Path.GetFullPath(Path.Combine(dataDirectory, "models"));
    }

    public string ModelsDirectory { get; }

    public string DefaultFileName => GgmlModelSizes.FileName(options.ModelSize);

    public string DefaultPath => Path.Combine(ModelsDirectory, DefaultFileName);

    public async Task<ModelLookup> FindAsync(CancellationToken cancellationToken)
    {
        if (options.ModelPath is { Length: > 0 } configured)
        {
            // An explicit path is never replaced by a download: the operator chose that file.
            return File.Exists(configured)
                ? ModelLookup.Found(configured)
                : ModelLookup.Missing($"Transcription:ModelPath is \"{configured}\", but there is no file there");
        }

        Task pending;
        lock (gate)
        {
            if (File.Exists(DefaultPath))
            {
                return ModelLookup.Found(DefaultPath);
            }

            if (download is null && lastFailure is { } failure && time.GetUtcNow() - failure.At < RetryAfterFailure)
            {
                return ModelLookup.Missing(failure.Problem);
            }

            download ??= Task.Run(() => DownloadAsync(shutdown.Token), CancellationToken.None);
            pending = download;
        }

        try
        {
            await pending.WaitAsync(LongestWait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return ModelLookup.Missing($"{DefaultFileName} is still being downloaded into {ModelsDirectory}");
        }

        lock (gate)
        {
            return File.Exists(DefaultPath) ? ModelLookup.Found(DefaultPath)
                : ModelLookup.Missing(lastFailure?.Problem ?? $"{DefaultFileName} is not in {ModelsDirectory}");
        }
    }

    // Never throws: the outcome is the file being there, or lastFailure.
    private async Task DownloadAsync(CancellationToken cancellationToken)
    {
        // Written under a temporary name and renamed when complete, so an interrupted download is never loaded.
        var partial = $"{DefaultPath}.{Guid.NewGuid():N}.partial";
        try
        {
            Directory.CreateDirectory(ModelsDirectory);
            logger.LogInformation("Downloading Whisper model {File} into {Directory}", DefaultFileName, ModelsDirectory);
            await using (var remote = await source.OpenAsync(GgmlModelSizes.TypeOf(options.ModelSize), cancellationToken).ConfigureAwait(false))
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, useAsync: true))
            {
                await CopyWithIdleTimeoutAsync(remote, file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, DefaultPath, overwrite: true);
            logger.LogInformation("Downloaded Whisper model {File}", DefaultFileName);
            Finish(null);
        }
        catch (Exception e)
        {
            var problem = $"{DefaultFileName} is not in {ModelsDirectory} and downloading it failed ({e.Message}); the download is tried again {RetryAfterFailure.TotalMinutes:0} min after a failure";
            logger.LogWarning("Whisper model download failed: {Problem}", problem);
            Finish(problem);
        }
        finally
        {
            TryDelete(partial);
        }
    }

    private void Finish(string? problem)
    {
        lock (gate)
        {
            lastFailure = problem is null ? null : (time.GetUtcNow(), problem);
            download = null;
        }
    }

    private static async Task CopyWithIdleTimeoutAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024 * 1024];
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            idle.CancelAfter(IdleTimeout);
            int read;
            try
            {
                read = await from.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no data for {IdleTimeout.TotalMinutes:0} min");
            }

            if (read == 0)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover *.partial file is never loaded; only the final name is.
        }
    }

    public void Dispose()
    {
        shutdown.Cancel();
        shutdown.Dispose();
    }
}
