using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Analysis;

namespace Vigil.Bench;

/// <summary>
/// The Vigil host the events are sent to, with what the report reads from it: its inbox, its ingestion queue, its
/// process. In this process by default (<see cref="StartInProcessAsync"/>, which also times each request inside the
/// host), or as a <c>vigil serve</c> child process (<see cref="ChildHost"/>) so the load generator does not share
/// the host's thread pool.
/// </summary>
internal sealed class HostUnderTest(Uri baseUrl, ConversationInbox inbox, JobQueue jobs, Process process, ConcurrentQueue<long>? serverTicks, Func<ValueTask> stop) : IAsyncDisposable
{
    public Uri BaseUrl => baseUrl;

    public ConversationInbox Inbox => inbox;

    public JobQueue Jobs => jobs;

    /// <summary>The host's process (this one when in process): CPU time and peak working set.</summary>
    public Process Process => process;

    /// <summary>Time from the first middleware to the response, per request to /slack/events; null out of process.</summary>
    public ConcurrentQueue<long>? ServerTicks => serverTicks;

    public static async Task<HostUnderTest> StartInProcessAsync(string[] hostArgs, bool withoutWorkers, CancellationToken cancellationToken)
    {
        var app = BenchHost.Build(hostArgs, withoutWorkers);
        // Time spent inside the host per request (after Kestrel parsed it), to tell server time from queueing.
        var ticks = new ConcurrentQueue<long>();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            if (context.Request.Path == "/slack/events")
            {
                ticks.Enqueue(Stopwatch.GetTimestamp() - started);
            }
        });

        // The catalogue compiles (~6 s of CPU) before the clock starts, as in a host that has been up a while.
        _ = app.Services.GetRequiredService<ThreatAnalyzer>();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HostUnderTest(
            new Uri(address.TrimEnd('/') + "/"),
            app.Services.GetRequiredService<ConversationInbox>(),
            app.Services.GetRequiredService<JobQueue>(),
            Process.GetCurrentProcess(),
            ticks,
            async () =>
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            });
    }

    public async ValueTask DisposeAsync()
    {
        await stop();
        process.Dispose();
    }
}
