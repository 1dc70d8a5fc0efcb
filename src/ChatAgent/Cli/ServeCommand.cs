using System.CommandLine;
using Vigil.ChatAgent.Hosting;

namespace Vigil.ChatAgent.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Address to listen on (default http://127.0.0.1:5080)." };
        // Anything else on the line is .NET configuration for the host (--Vigil:DataDir=/var/vigil).
        var command = new Command("serve", "Run the Vigil host: Slack/Teams endpoints, web playground, workers.") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellation) =>
        {
            var app = VigilHost.Build(parse.UnmatchedTokens.ToArray(), parse.GetValue(urls));
            await app.RunAsync(cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
