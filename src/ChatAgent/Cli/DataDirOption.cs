using System.CommandLine;

namespace Vigil.ChatAgent.Cli;

internal static class DataDirOption
{
    public static Option<string?> Create() =>
        new("--data-dir") { Description = "Where Vigil keeps its state (default: Vigil:DataDir, else .data)." };
}
