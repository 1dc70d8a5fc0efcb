using Vigil.ThreatModel.Extraction.OpenApi;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// Turns the paths given to <c>vigil analyze</c> into sources: docs, thread files and their attachments, OpenAPI
/// specs, Slack export folders, and folders of these. A bad input is reported and skipped; the others are still read.
/// </summary>
public sealed class InputLoader
{
    // Files the decoders read (OCR, transcription, PDF, DOCX); what they really are is sniffed from their bytes.
    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff",
        ".ogg", ".oga", ".opus", ".webm", ".m4a", ".aac", ".mp3", ".mp4", ".wav", ".flac",
        ".pdf", ".docx",
    };

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".yaml", ".yml", ".json" };

    private readonly List<SourceDocument> sources = [];
    private readonly List<InputError> errors = [];
    private readonly List<BinaryInput> binaries = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    // Conversation order across every input; an attachment takes the order of the message that shared it.
    private int nextOrder;

    public static LoadedInputs Load(IEnumerable<string> paths)
    {
        var loader = new InputLoader();
        foreach (var path in paths)
        {
            loader.LoadPath(path, explicitlyNamed: true);
        }

        return new LoadedInputs(loader.sources, loader.errors, loader.binaries);
    }

    private void LoadPath(string path, bool explicitlyNamed)
    {
        if (Directory.Exists(path))
        {
            LoadFolder(path);
        }
        else if (File.Exists(path))
        {
            LoadFile(path, explicitlyNamed);
        }
        else
        {
            errors.Add(new InputError(path, "no such file or folder"));
        }
    }

    private void LoadFolder(string folder)
    {
        if (File.Exists(Path.Combine(folder, "channels.json")))
        {
            Try(folder, () =>
            {
                SlackExport.Read(folder, nextOrder, sources);
                nextOrder = sources.Count == 0 ? nextOrder : sources.Max(s => s.Order) + 1;
            });
            return;
        }

        // A thread file pulls in its own attachments; read threads first so attachments are not read twice.
        var files = DesignFolder.Files(folder);
        foreach (var file in files.Where(f => Path.GetExtension(f).Equals(".json", StringComparison.OrdinalIgnoreCase)))
        {
            LoadFile(file, explicitlyNamed: false);
        }

        foreach (var file in files.Where(f => !Path.GetExtension(f).Equals(".json", StringComparison.OrdinalIgnoreCase)))
        {
            LoadFile(file, explicitlyNamed: false);
        }
    }

    private void LoadFile(string path, bool explicitlyNamed, int? order = null)
    {
        var full = Path.GetFullPath(path);
        if (!seen.Add(full))
        {
            return;
        }

        var extension = Path.GetExtension(path);
        if (BinaryExtensions.Contains(extension))
        {
            binaries.Add(new BinaryInput(path, order ?? nextOrder++));
            return;
        }

        if (!TextExtensions.Contains(extension) && !explicitlyNamed)
        {
            return;
        }

        Try(path, () => ReadTextFile(path, order ?? nextOrder++));
    }

    private void ReadTextFile(string path, int order)
    {
        var text = TextFile.Read(path);
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        // A spec is a .yaml/.json file with a top-level version key; a Markdown doc that quotes one in a code block is a doc.
        var isSpecFile = extension is ".json" or ".yaml" or ".yml";
        if (isSpecFile ? OpenApiSniffer.HasVersionKey(text) == true : OpenApiSniffer.IsClearlyOpenApi(text))
        {
            sources.Add(new SourceDocument(name, SourceKind.OpenApi, text, order));
        }
        else if (extension == ".json" && ThreadFile.LooksLikeThread(text))
        {
            var (messages, attachments) = ThreadFile.Parse(name, text, order);
            sources.AddRange(messages);
            nextOrder = Math.Max(nextOrder, messages.Count == 0 ? order + 1 : messages.Max(m => m.Order) + 1);
            foreach (var (attachment, sharedAt) in attachments)
            {
                var attachmentPath = Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileName(attachment));
                if (File.Exists(attachmentPath))
                {
                    LoadFile(attachmentPath, explicitlyNamed: false, sharedAt);
                }
            }
        }
        else if (extension is ".json" or ".yaml" or ".yml")
        {
            throw new InputException(extension == ".json"
                ? "neither a thread (a JSON array of messages) nor an OpenAPI document"
                : "not an OpenAPI document: no top-level 'openapi' or 'swagger' key");
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException("empty file");
        }
        else
        {
            sources.Add(new SourceDocument(name, SourceKind.Document, text, order));
        }
    }

    private void Try(string path, Action read) => InputErrors.Capture(path, errors, read);
}
