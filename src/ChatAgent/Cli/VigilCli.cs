using System.CommandLine;

namespace Vigil.ChatAgent.Cli;

/// <summary>The <c>vigil</c> command line: <c>serve</c> (also the default), <c>analyze</c>, <c>eval</c>.</summary>
public static class VigilCli
{
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Vigil keeps a living threat model of what teams design in chat.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create(output, error));
        root.Subcommands.Add(EvalCommand.Create(output, error));
        root.Subcommands.Add(IngestCommand.Create(output, error));
        root.Subcommands.Add(AskCommand.Create(output, error));
        root.Subcommands.Add(ReindexCommand.Create(output, error));

        // `vigil` alone runs the host, as the README promises.
        var effective = args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version"))
            ? ["serve", .. args]
            : args;
        var parse = root.Parse(effective);
        return InvokeAsync(parse, output, error);
    }

    // One line for the user, never a stack trace: the message names what failed.
    private static async Task<int> InvokeAsync(ParseResult parse, TextWriter output, TextWriter error)
    {
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Text.Json.JsonException
                                      or ThreatModel.Knowledge.CatalogException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            error.WriteLine($"vigil: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
