using Microsoft.Extensions.Logging;
using Whisper.net;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// Transcribes with Whisper.net (whisper.cpp, on the CPU, offline) using the model <see cref="WhisperModelStore"/>
/// finds. The model is loaded once and kept; a file that fails to load is not retried until it changes on disk.
/// </summary>
public sealed class WhisperTranscriber(WhisperModelStore models, TranscriptionOptions options, ILogger<WhisperTranscriber> logger) : ITranscriber, IDisposable
{
    // whisper.cpp already uses every core for one file; two at once would only make both slower and double memory.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly Lock gate = new();
    private (string Path, DateTime Written, WhisperFactory Factory)? loaded;
    private (string Path, DateTime Written, string Problem)? failedLoad;

    public async Task<TranscriptionAvailability> GetAvailabilityAsync(CancellationToken cancellationToken)
    {
        var lookup = await models.FindAsync(cancellationToken).ConfigureAwait(false);
        if (lookup.Path is null)
        {
            return TranscriptionAvailability.Unavailable(HowToEnable(lookup.Problem ?? "no Whisper model"));
        }

        return Load(lookup.Path) is { Problem: { } problem }
            ? TranscriptionAvailability.Unavailable(HowToEnable(problem))
            : TranscriptionAvailability.Available;
    }

    public async Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(PcmAudio audio, CancellationToken cancellationToken)
    {
        var lookup = await models.FindAsync(cancellationToken).ConfigureAwait(false);
        if (lookup.Path is null)
        {
            throw new TranscriptionUnavailableException(HowToEnable(lookup.Problem ?? "no Whisper model"));
        }

        var (factory, loadProblem) = Load(lookup.Path);
        if (factory is null)
        {
            throw new TranscriptionUnavailableException(HowToEnable(loadProblem ?? "the model did not load"));
        }

        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var processor = factory.CreateBuilder().WithLanguage(options.EffectiveLanguage).Build();
            await using var wav = audio.OpenRead();
            var segments = new List<TranscriptSegment>();
            await foreach (var segment in processor.ProcessAsync(wav, cancellationToken).ConfigureAwait(false))
            {
                var text = segment.Text.Trim();
                if (IsSpeech(text))
                {
                    segments.Add(new TranscriptSegment(text, segment.Start, segment.End));
                }
            }

            return segments;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    // whisper.cpp writes what it hears that is not speech as "[BLANK_AUDIO]", "[MUSIC]", "(keyboard clicking)":
    // no design fact is ever in those, and they would show up as evidence quotes.
    private static bool IsSpeech(string text) =>
        text.Length > 0 && !(text[0] == '[' && text[^1] == ']') && !(text[0] == '(' && text[^1] == ')');

    private (WhisperFactory? Factory, string? Problem) Load(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        lock (gate)
        {
            if (loaded is { } current && current.Path == path && current.Written == written)
            {
                return (current.Factory, null);
            }

            if (failedLoad is { } failed && failed.Path == path && failed.Written == written)
            {
                return (null, failed.Problem);
            }

            try
            {
                var factory = WhisperFactory.FromPath(path);

                // Building a processor is what makes whisper.cpp read the weights: a bad file fails here, not mid-note.
                factory.CreateBuilder().Build().Dispose();
                loaded?.Factory.Dispose();
                loaded = (path, written, factory);
                logger.LogInformation("Loaded Whisper model {Path}", path);
                return (factory, null);
            }
            catch (Exception e) when (e is WhisperModelLoadException or IOException or InvalidOperationException)
            {
                var problem = $"{path} is not a Whisper ggml model that loads ({e.Message})";
                failedLoad = (path, written, problem);
                logger.LogWarning("Whisper model did not load: {Problem}", problem);
                return (null, problem);
            }
        }
    }

    private string HowToEnable(string problem) =>
        $"{problem}. To enable transcription, set Transcription:ModelPath to a Whisper ggml model file, "
        + $"or let the host download {models.DefaultFileName} into {models.ModelsDirectory}.";

    public void Dispose()
    {
        loaded?.Factory.Dispose();
        oneAtATime.Dispose();
    }
}
