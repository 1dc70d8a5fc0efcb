using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding;

/// <summary>
/// Sniffs a file and runs the decoder for its content type within the limits: size first, then the decoder under
/// its time limit. Every failure comes back as an <see cref="UnreadableContentException"/> whose message is the
/// reason to show the user.
/// </summary>
public sealed class ContentDecoders(IEnumerable<IContentDecoder> decoders, DecodeLimits limits)
{
    private readonly IReadOnlyList<IContentDecoder> decoders = decoders.ToList();

    public DecodeLimits Limits => limits;

    public async Task<DecodeResult> DecodeAsync(string source, ReadOnlyMemory<byte> bytes, string? fileName, CancellationToken cancellationToken)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            throw new UnreadableContentException($"file is {Megabytes(bytes.Length)} MB, above the {Megabytes(limits.MaxFileBytes)} MB limit (Ingestion:MaxFileBytes)");
        }

        var type = ContentSniffer.Sniff(bytes.Span, fileName);
        if (type == ContentType.Empty)
        {
            throw new UnreadableContentException("the file is empty (0 bytes)");
        }

        var decoder = decoders.FirstOrDefault(d => d.Supports(type))
            ?? throw new UnreadableContentException(type == ContentType.Binary
                ? "not a format Vigil reads (not text, PDF, DOCX, an image or audio)"
                : $"{type.MediaType} files are not read");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.DecoderTimeout);
        try
        {
            return await decoder.DecodeAsync(new DecodeRequest(source, type, bytes, limits), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnreadableContentException($"decoding the {type.MediaType} file took longer than {limits.DecoderTimeout.TotalSeconds:0} s (Ingestion:DecoderTimeout)");
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
