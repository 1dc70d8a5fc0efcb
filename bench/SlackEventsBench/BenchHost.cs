using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.ChatAgent.Hosting;

namespace Vigil.Bench;

/// <summary>
/// The host under test on a free loopback port: <see cref="VigilHost.Build"/> itself, or (the <c>--without-workers</c>
/// experiment) the same wiring without Vigil's background services, to see what the endpoint costs when it does not
/// share the cores with ingestion, embedding and threat analysis.
/// </summary>
internal static class BenchHost
{
    private const string Url = "http://127.0.0.1:0";

    public static WebApplication Build(string[] args, bool withoutWorkers)
    {
        if (!withoutWorkers)
        {
            return VigilHost.Build(args, Url);
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(Url);
        builder.AddVigil();
        // Kestrel is itself a hosted service of the web host; everything else hosted is Vigil's background work.
        var background = builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name != "GenericWebHostService").ToList();
        foreach (var descriptor in background)
        {
            builder.Services.Remove(descriptor);
        }

        Console.WriteLine($"[bench] without workers: {background.Count} hosted services removed");
        var app = builder.Build();
        app.MapVigil();
        return app;
    }
}
