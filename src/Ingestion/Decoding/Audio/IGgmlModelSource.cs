using Whisper.net.Ggml;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Where a missing Whisper model is fetched from: the model hub, outside this machine.</summary>
public interface IGgmlModelSource
{
    /// <summary>The model file's bytes as a stream; throws when the source cannot be reached.</summary>
    Task<Stream> OpenAsync(GgmlType type, CancellationToken cancellationToken);
}
