using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding;

/// <summary>
/// Turns the bytes of one kind of file into text segments with provenance. A decoder is chosen by the content type
/// sniffed from the bytes. It throws <see cref="UnreadableContentException"/> for a file that can never be read, and
/// honours cancellation (the pipeline cancels a decoder that runs past its time limit; child processes are killed).
/// </summary>
public interface IContentDecoder
{
    bool Supports(ContentType type);

    Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken);
}

/// <param name="Source">The source id carried into evidence, e.g. <c>whiteboard.png</c> or <c>C042/1712.0001/spec.yaml</c>.</param>
public sealed record DecodeRequest(string Source, ContentType Type, ReadOnlyMemory<byte> Bytes, DecodeLimits Limits);
