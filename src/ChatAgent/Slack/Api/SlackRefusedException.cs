namespace Vigil.ChatAgent.Slack.Api;

/// <summary>Vigil itself declined a Slack-related request before or while making it; nothing sensitive was sent.</summary>
public sealed class SlackRefusedException(SlackRefusal reason, string message) : InvalidOperationException(message)
{
    public SlackRefusal Reason { get; } = reason;
}

public enum SlackRefusal
{
    /// <summary>The URL is not on a Slack host, so the bot token (or the content) was not sent there.</summary>
    ForeignHost,

    /// <summary>Slack answered with its HTML sign-in page: the token cannot read the file (usually no files:read).</summary>
    LoginPage,

    /// <summary>The file is larger than the caller accepts.</summary>
    TooLarge,

    /// <summary>The file has no download URL (e.g. an external file).</summary>
    NoDownloadUrl,
}
