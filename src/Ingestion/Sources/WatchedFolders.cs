using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Ingestion.Queue;
using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// Ingests what is saved into the folders of <c>Ingestion:WatchFolders</c> ("the API spec drops into the shared
/// folder"): every file at start, then each file created or changed, once it has stopped changing. Files are
/// attributed to the folder's configured channel, so its design record and model are re-analyzed automatically.
/// Unchanged content is the same item and is not processed again.
/// </summary>
public sealed partial class WatchedFolders(
    IngestionInbox inbox,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<WatchedFolders> logger) : BackgroundService
{
    /// <summary>A file is read once it has not changed for this long (editors and copies write in several steps).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (WatchFolder Folder, DateTimeOffset ChangedAt)> pending = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = new List<FileSystemWatcher>();
        try
        {
            foreach (var folder in options.Value.WatchFolders)
            {
                if (!Directory.Exists(folder.Path))
                {
                    LogMissingFolder(logger, folder.Path);
                    continue;
                }

                watchers.Add(Watch(folder));
                foreach (var file in DesignFolder.Files(folder.Path))
                {
                    pending[file] = (folder, DateTimeOffset.MinValue);
                }
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                await IngestSettledAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
        }
    }

    private FileSystemWatcher Watch(WatchFolder folder)
    {
        var watcher = new FileSystemWatcher(folder.Path) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, e) => Touch(folder, e.FullPath);
        watcher.Created += changed;
        watcher.Changed += changed;
        watcher.Renamed += (_, e) => Touch(folder, e.FullPath);
        // The OS event buffer overflowed (many files at once): rescan rather than miss any.
        watcher.Error += (_, _) => DesignFolder.Files(folder.Path).ForEach(f => Touch(folder, f));
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Touch(WatchFolder folder, string path)
    {
        if (!Path.GetFileName(path).StartsWith('.'))
        {
            pending[path] = (folder, time.GetUtcNow());
        }
    }

    private async Task IngestSettledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (path, (folder, changedAt)) in pending)
        {
            if (now - changedAt < SettleTime || !pending.TryRemove(new(path, (folder, changedAt))))
            {
                continue;
            }

            await IngestAsync(folder, path, cancellationToken);
        }
    }

    private async Task IngestAsync(WatchFolder folder, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var source = Path.GetRelativePath(folder.Path, path).Replace('\\', '/');
            var scope = new ChunkScope(folder.Workspace, folder.Channel);
            var item = await inbox.AcceptAsync(IngestRequest.File(scope, Path.GetFileName(path), bytes, source), cancellationToken);
            LogAccepted(logger, source, folder.Channel, item.Id);
        }
        catch (IOException e)
        {
            // Still being written or locked by its editor: look again after it settles.
            LogRetrying(logger, path, e.Message);
            pending.TryAdd(path, (folder, time.GetUtcNow()));
        }
        catch (UnauthorizedAccessException)
        {
            LogUnreadable(logger, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watched folder {Path} does not exist; it is not watched")]
    private static partial void LogMissingFolder(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} from a watched folder accepted for #{Channel} as {Item}")]
    private static partial void LogAccepted(ILogger logger, string source, string channel, string item);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} cannot be read yet ({Reason}); retrying")]
    private static partial void LogRetrying(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} in a watched folder cannot be read: permission denied")]
    private static partial void LogUnreadable(ILogger logger, string path);
}
