using System.CommandLine;
using Vigil.ChatAgent.Hosting;

namespace Vigil.ChatAgent.Cli;

internal static class ServeCommand
{
    public static Command Create(string[] originalArgs)
    {
        var urls = new Option<string?>("--urls") { Description = "Address to listen on (default http://127.0.0.1:5080)." };
        var command = new Command("serve", "Run the Vigil host: Slack/Teams endpoints, web playground, workers.") { urls };
        command.SetAction(async (parse, cancellation) =>
        {
            var hostArgs = originalArgs.SkipWhile(a => a == "serve").ToArray();
            var app = VigilHost.Build(hostArgs, parse.GetValue(urls));
            await app.RunAsync(cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
