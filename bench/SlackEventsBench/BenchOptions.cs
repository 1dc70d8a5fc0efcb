using System.Globalization;

namespace Vigil.Bench;

/// <summary>
/// The command line: <c>[--rate 200] [--duration 60] [--quick] [--host-log-level Warning] [--min-threads 32] [--without-workers] [--out-of-process] [--host-arg Key=Value]… [--p99-ms 100]</c>.
/// Without <c>--host-log-level</c> the host logs exactly as <c>vigil serve</c> does out of the box; <c>--min-threads</c>
/// raises the thread pool's minimum (an experiment: is the time spent waiting for a thread?) and
/// <c>--without-workers</c> leaves Vigil's background services out (what does the endpoint cost alone?);
/// <c>--out-of-process</c> runs the host as a <c>vigil serve</c> child process instead of in this one.
/// </summary>
internal sealed record BenchOptions(int Rate, int DurationSeconds, string? HostLogLevel, double P99TargetMs, int? MinThreads = null, bool WithoutWorkers = false, bool OutOfProcess = false)
{
    /// <summary>Extra host configuration, <c>--host-arg Ingestion:Concurrency=1</c> (repeatable).</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    public int Events => Rate * DurationSeconds;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Rate: 200, DurationSeconds: 60, HostLogLevel: null, P99TargetMs: 100);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rate" => options with { Rate = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--duration" => options with { DurationSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--quick" => options with { DurationSeconds = 10 },
                "--host-log-level" => options with { HostLogLevel = Value() },
                "--min-threads" => options with { MinThreads = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--without-workers" => options with { WithoutWorkers = true },
                "--out-of-process" => options with { OutOfProcess = true },
                "--host-arg" => options with { HostArgs = [.. options.HostArgs, "--" + Value()] },
                "--p99-ms" => options with { P99TargetMs = double.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --rate N, --duration S, --quick, --host-log-level LEVEL, --min-threads N, --without-workers, --out-of-process, --host-arg KEY=VALUE, --p99-ms MS)"),
            };
        }

        if (options.OutOfProcess && (options.WithoutWorkers || options.MinThreads is not null))
        {
            throw new ArgumentException("--without-workers and --min-threads change this process, so they cannot go with --out-of-process");
        }

        return options.Rate > 0 && options.DurationSeconds > 0 ? options : throw new ArgumentException("--rate and --duration must be positive");
    }
}
