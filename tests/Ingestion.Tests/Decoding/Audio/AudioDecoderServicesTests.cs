using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Audio;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

public sealed class AudioDecoderServicesTests
{
    [Fact]
    public void The_configured_model_size_names_the_file_looked_for_under_the_data_dir()
    {
        using var services = Services(new() { ["Transcription:ModelSize"] = "base.en" });

        var models = services.GetRequiredService<WhisperModelStore>();

        Assert.Equal(Path.GetFullPath(Path.Combine("/var/vigil", "models", "ggml-base.en.bin")), models.DefaultPath);
        Assert.Contains(services.GetServices<IContentDecoder>(), d => d is AudioDecoder);
        Assert.Equal("en", services.GetRequiredService<IOptions<TranscriptionOptions>>().Value.EffectiveLanguage);
    }

    [Fact]
    public void An_unknown_model_size_is_refused_at_start_with_the_key_and_the_sizes_there_are()
    {
        using var services = Services(new() { ["Transcription:ModelSize"] = "huge" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Transcription:ModelSize must be one of tiny, tiny.en, base, base.en", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAudioDecoder("/var/vigil")
            .BuildServiceProvider();
    }
}
