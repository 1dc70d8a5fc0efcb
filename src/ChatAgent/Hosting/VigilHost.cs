using Microsoft.Extensions.Options;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Slack;
using Vigil.Ingestion;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Knowledge;

namespace Vigil.ChatAgent.Hosting;

/// <summary>Builds the web host: configuration, validated options and endpoints.</summary>
public static class VigilHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(urls ?? builder.Configuration["urls"] ?? DefaultUrl);
        builder.AddVigil();
        var app = builder.Build();
        app.MapVigil();
        return app;
    }

    public static WebApplicationBuilder AddVigil(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VigilOptions>()
            .BindConfiguration(VigilOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => DataDirIsWritable(o.DataDir), "Vigil:DataDir must name a folder Vigil can create and write to.")
            .Validate(o => o.CatalogDir is null || Directory.Exists(o.CatalogDir), "Vigil:CatalogDir must name an existing folder of catalogue YAML.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var catalogDir = services.GetRequiredService<IOptions<VigilOptions>>().Value.CatalogDir;
            return catalogDir is null
                ? ThreatAnalyzer.DefaultCompiled
                : new ThreatAnalyzer(Catalog.Load(catalogDir, PatternCompilation.Compiled));
        });
        builder.Services.AddHostedService<AnalyzerWarmup>();
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddHostedService<IndexCompatibilityCheck>();
        builder.Services.AddIngestionWorkers();
        builder.Services.AddConversation(builder.Configuration);
        builder.Services.AddConversationWorkers();
        builder.Services.AddSlack(builder.Configuration);
        return builder;
    }

    public static WebApplication MapVigil(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/", () => Results.Content(StatusPage.Html, "text/html"));
        app.MapSlackWhenEnabled();
        return app;
    }

    private static bool DataDirIsWritable(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, ".write-probe");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
