using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Ingestion.Decoding.Audio;
using Vigil.Ingestion.Decoding.Documents;
using Vigil.Ingestion.Decoding.Images;
using Vigil.Ingestion.Decoding.Text;

namespace Vigil.Ingestion.Decoding;

/// <summary>Registers one decoder per content family; <see cref="ContentDecoders"/> picks among them by sniffed type.</summary>
public static class DecoderServices
{
    public static IServiceCollection AddContentDecoders(this IServiceCollection services, IConfiguration configuration, string dataDir)
    {
        services.AddSingleton<IContentDecoder, TextDecoder>();
        services.AddSingleton<IContentDecoder, OpenApiDecoder>();
        services.AddSingleton<IContentDecoder, PdfDecoder>();
        services.AddSingleton<IContentDecoder, DocxDecoder>();
        services.TryAddSingleton(configuration.GetSection("Ocr").Get<TesseractOptions>() ?? new TesseractOptions());
        services.TryAddSingleton<IOcrEngine, TesseractOcrEngine>();
        services.AddSingleton<IContentDecoder>(sp => new ImageDecoder(sp.GetRequiredService<IOcrEngine>()));
        services.AddAudioDecoder(dataDir);
        return services;
    }

    /// <summary>
    /// The decoders without a host, for <c>vigil analyze</c>: the same ones the pipeline uses. Disposing the returned
    /// provider releases what they hold (a loaded Whisper model).
    /// </summary>
    public static ServiceProvider Standalone(IConfiguration configuration, string dataDir)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);
        services.AddContentDecoders(configuration, dataDir);
        services.AddSingleton(configuration.GetSection(DecodeLimits.Section).Get<DecodeLimits>() ?? new DecodeLimits());
        services.AddSingleton(sp => new ContentDecoders(sp.GetServices<IContentDecoder>(), sp.GetRequiredService<DecodeLimits>()));
        return services.BuildServiceProvider();
    }
}
