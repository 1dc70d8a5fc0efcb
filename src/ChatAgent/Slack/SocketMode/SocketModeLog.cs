namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// What Socket Mode says in the log: envelope types and ids, hosts and Slack's error codes. Never a token, a
/// WebSocket URL (it carries a ticket) or a payload (it carries what people wrote).
/// </summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode is off: Slack:AppToken is not set")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected to {Host} ({Connections} connections open)")]
    public static partial void Connected(ILogger logger, string host, int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked Socket Mode to reconnect ({Reason}); opening a new connection before closing this one")]
    public static partial void DisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection to {Host} ended; reconnecting in {Delay}")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string host, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "apps.connections.open was rate limited; trying again in {Delay}")]
    public static partial void RateLimited(ILogger logger, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "apps.connections.open failed: {Error}; trying again in {Delay}")]
    public static partial void OpenFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode could not connect to {Host}; trying again in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string host, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode envelope {Type} {EnvelopeId} (retry {RetryAttempt})")]
    public static partial void EnvelopeReceived(ILogger logger, string type, string envelopeId, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode envelope {Type} {EnvelopeId} could not be stored; it is not acknowledged so Slack delivers it again")]
    public static partial void InboundFailed(ILogger logger, Exception exception, string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode envelope {Type} {EnvelopeId} arrived while its connection was closing; Slack will deliver it again")]
    public static partial void ArrivedWhileClosing(ILogger logger, string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode envelope of type {Type} has no envelope_id and is ignored")]
    public static partial void EnvelopeWithoutId(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode envelope type {Type} ({EnvelopeId}) is not handled; acknowledged")]
    public static partial void UnknownEnvelope(ILogger logger, string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Socket Mode frame that is not JSON was ignored")]
    public static partial void MalformedFrame(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Socket Mode message over {Limit} bytes was refused; reconnecting")]
    public static partial void MessageTooBig(ILogger logger, int limit);
}
