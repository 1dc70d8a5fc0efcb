using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Registers the voice-note decoder: ffmpeg conversion and Whisper transcription bound to <c>Transcription</c>.</summary>
public static class AudioDecoderServices
{
    /// <param name="dataDir"><c>Vigil:DataDir</c>; a downloaded model is kept in its <c>models</c> folder.</param>
    public static IServiceCollection AddAudioDecoder(this IServiceCollection services, string dataDir)
    {
        services.AddOptions<TranscriptionOptions>().BindConfiguration(TranscriptionOptions.Section)
            .Validate(o => GgmlModelSizes.IsKnown(o.ModelSize), GgmlModelSizes.InvalidSizeMessage)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new FfmpegOptions());
        services.TryAddSingleton<IAudioConverter, FfmpegAudioConverter>();
        services.TryAddSingleton<IGgmlModelSource, HuggingFaceGgmlModelSource>();
        services.TryAddSingleton(sp => new WhisperModelStore(
            sp.GetRequiredService<IOptions<TranscriptionOptions>>().Value,
            dataDir,
            sp.GetRequiredService<IGgmlModelSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WhisperModelStore>>()));
        services.TryAddSingleton<ITranscriber>(sp => new WhisperTranscriber(
            sp.GetRequiredService<WhisperModelStore>(),
            sp.GetRequiredService<IOptions<TranscriptionOptions>>().Value,
            sp.GetRequiredService<ILogger<WhisperTranscriber>>()));
        services.TryAddSingleton<AudioDecoder>();
        services.AddSingleton<IContentDecoder>(sp => sp.GetRequiredService<AudioDecoder>());
        return services;
    }
}
