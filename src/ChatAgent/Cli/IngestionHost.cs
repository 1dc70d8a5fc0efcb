using Vigil.Ingestion;
using Vigil.ThreatModel.Analysis;

namespace Vigil.ChatAgent.Cli;

/// <summary>A console host with the ingestion pipeline and its workers, for commands that run it without serving HTTP.</summary>
internal static class IngestionHost
{
    public static IHost Build(string? dataDir, bool withWorkers = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false });
        if (dataDir is not null)
        {
            builder.Configuration[DataFolder.Key] = dataDir;
        }

        // Progress goes to the command's own output; the host's informational logs would drown it.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(ThreatAnalyzer.DefaultCompiled);
        builder.Services.AddIngestion(builder.Configuration);
        if (withWorkers)
        {
            builder.Services.AddIngestionWorkers();
        }

        return builder.Build();
    }
}
