using Vigil.ChatAgent.Cli;

namespace Vigil.ChatAgent.Tests.Cli;

/// <summary>Runs the real CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await VigilCli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
