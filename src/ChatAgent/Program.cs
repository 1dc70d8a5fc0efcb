using Vigil.ChatAgent.Cli;

return await VigilCli.RunAsync(args);
