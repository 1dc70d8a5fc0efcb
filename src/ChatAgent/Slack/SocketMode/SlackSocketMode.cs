using Microsoft.Extensions.Options;

namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// Receives Slack events, slash commands and interactions over Socket Mode (no public URL needed) when
/// <c>Slack:AppToken</c> is set, and passes them to the same <see cref="ISlackInbound"/> as the HTTP endpoints.
/// Stays connected until the host stops: a <c>disconnect</c> from Slack is answered by opening the next connection
/// before closing the current one, and a dropped socket by reconnecting with a capped backoff.
/// </summary>
public sealed class SlackSocketMode : BackgroundService
{
    /// <summary>The named <see cref="HttpClient"/> used for <c>apps.connections.open</c>.</summary>
    public const string HttpClientName = "Vigil.Slack.SocketMode";

    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    private readonly SlackOptions options;
    private readonly ISlackInbound inbound;
    private readonly IHttpClientFactory httpClients;
    private readonly TimeProvider time;
    private readonly ILogger<SlackSocketMode> logger;
    private readonly ReconnectBackoff backoff = new();

    public SlackSocketMode(
        IOptions<SlackOptions> options,
        ISlackInbound inbound,
        IHttpClientFactory httpClients,
        TimeProvider time,
        ILogger<SlackSocketMode> logger)
    {
        this.options = options.Value;
        this.inbound = inbound;
        this.httpClients = httpClients;
        this.time = time;
        this.logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.AppToken))
        {
            SocketModeLog.Off(logger);
            return;
        }

        var opener = new ConnectionsOpen(httpClients.CreateClient(HttpClientName), options.ApiBaseUrl, options.AppToken, time);
        var dispatcher = new EnvelopeDispatcher(inbound, logger);
        SocketModeConnection? current = null;
        try
        {
            current = await ConnectAsync(opener, dispatcher, TimeSpan.Zero, stoppingToken);
            while (true)
            {
                await Task.WhenAny(current.Completion, current.RefreshRequested).WaitAsync(stoppingToken);
                if (current.RefreshRequested.IsCompleted)
                {
                    // The old socket keeps serving until the new one is up, so nothing sent meanwhile is lost.
                    var next = await ConnectAsync(opener, dispatcher, TimeSpan.Zero, stoppingToken);
                    await RetireAsync(current);
                    current = next;
                    continue;
                }

                var delay = backoff.Next();
                SocketModeLog.ConnectionLost(logger, current.Completion.Exception?.GetBaseException(), current.Host, delay);
                await RetireAsync(current);
                current = null; // retired already: if stopping cuts the reconnect short, finally has nothing to close
                current = await ConnectAsync(opener, dispatcher, delay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            if (current is not null)
            {
                await RetireAsync(current);
            }
        }
    }

    /// <summary>Calls <c>apps.connections.open</c> and connects, after <paramref name="delay"/> and until it works.</summary>
    private async Task<SocketModeConnection> ConnectAsync(
        ConnectionsOpen opener, EnvelopeDispatcher dispatcher, TimeSpan delay, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            switch (await opener.OpenAsync(cancellationToken))
            {
                case OpenOutcome.RateLimited limited:
                    delay = limited.RetryAfter;
                    SocketModeLog.RateLimited(logger, delay);
                    break;
                case OpenOutcome.Failed failed:
                    delay = backoff.Next();
                    SocketModeLog.OpenFailed(logger, failed.Error, delay);
                    break;
                case OpenOutcome.Opened opened:
                    try
                    {
                        using var handshake = new CancellationTokenSource(HandshakeTimeout, time);
                        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, handshake.Token);
                        return await SocketModeConnection.ConnectAsync(
                            opened.Url, dispatcher, backoff.Reset, options.MaxRequestBytes, logger, linked.Token);
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Whatever went wrong with this URL (refused, timed out, not a WebSocket), the next one may work.
                        delay = backoff.Next();
                        SocketModeLog.ConnectFailed(logger, e, opened.Url.Host, delay);
                    }

                    break;
            }
        }
    }

    private async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.CloseAsync(CloseGrace, time);
        await connection.DisposeAsync();
    }
}
