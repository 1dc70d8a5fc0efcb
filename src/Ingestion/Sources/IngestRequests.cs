using Vigil.Ingestion.Queue;
using Vigil.Retrieval.Index;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// Turns paths into inbox requests for <c>vigil ingest</c>: a thread file becomes one item per message (the thread is
/// the file's folder) plus its attachments as files; any other file is one file item, its type sniffed later from its
/// bytes. Unreadable paths are reported, never fatal to the rest.
/// </summary>
public static class IngestRequests
{
    public static (List<IngestRequest> Requests, List<InputError> Errors) From(IEnumerable<string> paths, string workspace, string channel, bool privateChannel)
    {
        var requests = new List<IngestRequest>();
        var errors = new List<InputError>();
        foreach (var path in paths)
        {
            var files = Directory.Exists(path) ? DesignFolder.Files(path) : File.Exists(path) ? [path] : null;
            if (files is null)
            {
                errors.Add(new InputError(path, "no such file or folder"));
                continue;
            }

            var attachments = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files.Where(IsThread))
            {
                AddThread(file, new ChunkScope(workspace, channel, ThreadName(file), PrivateChannel: privateChannel), requests, errors, attachments);
            }

            foreach (var file in files.Where(f => !IsThread(f) && !attachments.Contains(Path.GetFullPath(f))))
            {
                var scope = new ChunkScope(workspace, channel, PrivateChannel: privateChannel);
                InputErrors.Capture(file, errors, () => requests.Add(IngestRequest.File(scope, Path.GetFileName(file), File.ReadAllBytes(file))));
            }
        }

        return (requests, errors);
    }

    private static bool IsThread(string file) =>
        Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase) && SafeRead(file) is { } text && ThreadFile.LooksLikeThread(text);

    private static string? SafeRead(string file)
    {
        try
        {
            return TextFile.Read(file);
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ThreadName(string file) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? Path.GetFileNameWithoutExtension(file);

    private static void AddThread(string file, ChunkScope scope, List<IngestRequest> requests, List<InputError> errors, HashSet<string> attachments) =>
        InputErrors.Capture(file, errors, () =>
        {
            var (messages, shared) = ThreadFile.Parse(Path.GetFileName(file), TextFile.Read(file), 0);
            foreach (var message in messages)
            {
                requests.Add(IngestRequest.Message(scope with { Message = message.Id }, message.Id, message.Text, message.Author));
            }

            foreach (var (name, order) in shared)
            {
                var attachment = Path.Combine(Path.GetDirectoryName(file) ?? ".", Path.GetFileName(name));
                if (File.Exists(attachment) && attachments.Add(Path.GetFullPath(attachment)))
                {
                    requests.Add(IngestRequest.File(scope with { Message = $"{Path.GetFileName(file)}#{order}" }, Path.GetFileName(attachment), File.ReadAllBytes(attachment)));
                }
            }
        });
}
