using Whisper.net.Ggml;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Whisper.net's own downloader, which fetches the whisper.cpp ggml files from Hugging Face.</summary>
public sealed class HuggingFaceGgmlModelSource : IGgmlModelSource, IDisposable
{
    // A connect timeout makes a network that drops packets fail in seconds rather than hang; there is no overall
    // timeout because a model is 75 MB to 3 GB (a stalled transfer is caught by the store's idle timeout).
    private readonly HttpClient http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public Task<Stream> OpenAsync(GgmlType type, CancellationToken cancellationToken) =>
        new WhisperGgmlDownloader(http).GetGgmlModelAsync(type, QuantizationType.NoQuantization, cancellationToken);

    public void Dispose() => http.Dispose();
}
