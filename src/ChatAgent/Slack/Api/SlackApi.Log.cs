namespace Vigil.ChatAgent.Slack.Api;

// Only method names, status codes and counts: never URLs with arguments, headers or tokens.
public sealed partial class SlackApi
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Method} answered HTTP {Status}")]
    private static partial void LogAnswered(ILogger logger, string method, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} answered HTTP {Status}; retry {Attempt} of {MaxRetries} in {Delay}")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} could not be reached ({Failure}); retry {Attempt} of {MaxRetries} in {Delay}")]
    private static partial void LogNetworkRetry(ILogger logger, string method, string failure, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} still answered HTTP {Status} after {Attempts} attempts; giving up")]
    private static partial void LogGaveUp(ILogger logger, string method, int status, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} warned: {Warning}")]
    private static partial void LogWarning(ILogger logger, string method, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} kept returning a next cursor after {Pages} pages; stopping there")]
    private static partial void LogTooManyPages(ILogger logger, string method, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to send the bot token to {Host}: not a Slack host")]
    private static partial void LogForeignHost(ILogger logger, string host);
}
