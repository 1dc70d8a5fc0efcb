using System.Runtime.CompilerServices;

namespace Vigil.Ingestion.Storage;

/// <summary>
/// Blobs as files under one root folder, a key's segments becoming folders (<c>sha256/ab/abcd…</c>). Writes go to a
/// temporary file in the target folder and are renamed into place, so a reader sees the whole blob or none of it.
/// </summary>
public sealed class DiskBlobStore : IBlobStore
{
    private readonly string rootWithSeparator;

    public DiskBlobStore(string root)
    {
        Root = Path.GetFullPath(root);
        // Folders are created on first write, so constructing the store never touches the disk before the host has
        // validated Vigil:DataDir.
        rootWithSeparator = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
    }

    public string Root { get; }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return;
        }

        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);

        // Same folder as the target so the rename stays on one file system and is atomic.
        var temporary = TemporaryPathBeside(path);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);

                // On disk before it becomes visible: after a crash the key holds all its bytes or does not exist.
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent put of the same key won; the first blob is kept, as for any existing key.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(PathOf(key)));
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);

        // Renaming first makes exactly one of two concurrent deletes the one that "removed" the blob.
        var doomed = TemporaryPathBeside(path);
        try
        {
            File.Move(path, doomed);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        File.Delete(doomed);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobKeyRules.ValidatePrefix(prefix);

        // Walking folders blocks; the thread pool takes it rather than the caller's thread.
        var keys = await Task.Run(() => KeysUnder(prefix, cancellationToken), cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            yield return key;
        }
    }

    private List<string> KeysUnder(string prefix, CancellationToken cancellationToken)
    {
        // Only the folder the prefix fully names is walked: "sha256/ab/" and "sha256/ab/ab12" both walk sha256/ab.
        var folder = Path.Combine(Root, prefix[..(prefix.LastIndexOf('/') + 1)]);
        var keys = new List<string>();
        if (!Directory.Exists(folder))
        {
            return keys;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');

            // IsValid leaves out temporary files (they start with '.') and anything not written through this store.
            if (key.StartsWith(prefix, StringComparison.Ordinal) && BlobKeyRules.IsValid(key))
            {
                keys.Add(key);
            }
        }

        // The file system lists in its own order, and a folder walk puts "a/b" before "a-b"; keys are ordinal.
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private string PathOf(string key)
    {
        BlobKeyRules.Validate(key);
        var path = Path.GetFullPath(Path.Combine(Root, key));

        // The key rules already forbid escaping; this is the second lock on the same door.
        if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key '{key}' resolves outside the blob store root.", nameof(key));
        }

        return path;
    }

    private static string TemporaryPathBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
}
