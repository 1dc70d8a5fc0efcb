using Microsoft.Extensions.Options;

namespace Vigil.ChatAgent.Slack.Http;

/// <summary>
/// Reads a Slack request's raw body within <c>Slack:MaxRequestBytes</c> and checks its signature. Refusals are
/// logged with their reason and answered without detail: a forger learns nothing.
/// </summary>
public sealed partial class SlackRequestReader(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackRequestReader> logger)
{
    public async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext context, string endpoint)
    {
        var settings = options.Value;
        var limit = settings.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            LogRefused(logger, endpoint, $"the body of {context.Request.ContentLength} bytes is over Slack:MaxRequestBytes ({limit})");
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = await ReadBoundedAsync(context.Request.Body, limit, context.RequestAborted);
        if (body is null)
        {
            LogRefused(logger, endpoint, $"the body is over Slack:MaxRequestBytes ({limit})");
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var problem = settings.SigningSecret is not { Length: > 0 } secret
            ? "Slack:SigningSecret is not configured, so no request can be verified"
            : SlackSignature.Problem(secret, context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"],
                body, time.GetUtcNow(), settings.SignatureWindow);
        if (problem is not null)
        {
            LogRefused(logger, endpoint, problem);
            return ([], Results.Unauthorized());
        }

        return (body, null);
    }

    public IResult BadRequest(string endpoint, string reason)
    {
        LogRefused(logger, endpoint, reason);
        return Results.BadRequest(new { error = reason });
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /slack/{Endpoint}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string endpoint, string reason);
}
