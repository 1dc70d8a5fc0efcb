using System.Diagnostics;

namespace Vigil.Ingestion.Decoding;

/// <summary>
/// Runs a command-line tool with its arguments passed one by one (no shell, so a file name is never parsed as
/// a command), captures its output, and kills it with everything it started when the caller gives up.
/// </summary>
public static class ChildProcess
{
    /// <exception cref="System.ComponentModel.Win32Exception">The executable does not exist or cannot be run.</exception>
    public static async Task<ChildProcessResult> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        process.Start();

        // Both pipes are drained while the tool runs: a full stderr pipe would otherwise block it forever.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        return new ChildProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the cancellation and the kill.
        }
    }
}

public sealed record ChildProcessResult(int ExitCode, string StandardOutput, string StandardError);
