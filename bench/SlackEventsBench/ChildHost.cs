using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Conversation.State;
using Vigil.Ingestion.Queue;

namespace Vigil.Bench;

/// <summary>
/// <c>vigil serve</c> as a child process (the <c>vigil</c> executable copied next to the benchmark), as it runs in
/// production: the load generator then has its own thread pool and the host's is the host's alone. The inbox and
/// ingestion queue are read from the data folder's SQLite files, which WAL lets two processes share.
/// </summary>
internal static class ChildHost
{
    /// <param name="environment">Settings passed in the environment rather than on the command line (the signing secret).</param>
    public static async Task<HostUnderTest> StartAsync(string[] hostArgs, IReadOnlyDictionary<string, string> environment, string dataDir, CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "vigil.exe" : "vigil"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        foreach (var argument in hostArgs)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var catalogueReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException("vigil serve did not start");
        // The host's log is read and dropped (as a terminal or a log shipper would take it), watching for the
        // catalogue: its ~6 s of compilation should be over before the clock starts.
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Threat catalogue ready", StringComparison.Ordinal) == true)
            {
                catalogueReady.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text && !text.StartsWith("info", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"[vigil serve] {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (!await AnswersHealthAsync(http, url, cancellationToken))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"vigil serve did not answer /healthz (exited: {process.HasExited})");
            }

            await Task.Delay(200, cancellationToken);
        }

        await catalogueReady.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var inbox = new ConversationInbox(new ConversationDatabase(Path.Combine(dataDir, "conversation.db")), TimeProvider.System);
        var jobs = new JobQueue(new IngestionDatabase(Path.Combine(dataDir, "ingestion.db")), TimeProvider.System);
        return new HostUnderTest(new Uri(url + "/"), inbox, jobs, process, serverTicks: null, () =>
        {
            // No graceful stop is needed: everything acknowledged is committed, and the data folder is deleted next.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return ValueTask.CompletedTask;
        });
    }

    private static async Task<bool> AnswersHealthAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var health = await http.GetAsync($"{url}/healthz", cancellationToken);
            return health.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
