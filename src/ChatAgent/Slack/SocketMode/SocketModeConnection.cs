using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. Reads messages one at a time (a message may span several frames), hands each envelope
/// to the dispatcher and sends its acknowledgement before reading the next, and says when Slack asks for a new
/// connection while it goes on serving this one until it is closed.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket socket;
    private readonly EnvelopeDispatcher dispatcher;
    private readonly Action onHello;
    private readonly int maxMessageBytes;
    private readonly ILogger logger;
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource refreshRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Held while an envelope is dispatched and acknowledged, and while closing, so a close never cuts an ack short.
    private readonly SemaphoreSlim busy = new(1, 1);

    private SocketModeConnection(ClientWebSocket socket, string host, EnvelopeDispatcher dispatcher, Action onHello, int maxMessageBytes, ILogger logger)
    {
        this.socket = socket;
        Host = host;
        this.dispatcher = dispatcher;
        this.onHello = onHello;
        this.maxMessageBytes = maxMessageBytes;
        this.logger = logger;
        Completion = Task.Run(() => PumpAsync(lifetime.Token));
    }

    public string Host { get; }

    /// <summary>Ends when the socket is closed (normally or not); faults with the reason it broke.</summary>
    public Task Completion { get; }

    /// <summary>Completes when Slack sends <c>disconnect</c>: open another connection, then close this one.</summary>
    public Task RefreshRequested => refreshRequested.Task;

    /// <exception cref="WebSocketException">The handshake failed.</exception>
    public static async Task<SocketModeConnection> ConnectAsync(
        Uri url, EnvelopeDispatcher dispatcher, Action onHello, int maxMessageBytes, ILogger logger, CancellationToken cancellationToken)
    {
        // No credentials on the socket: the ticket in the URL is the authorization.
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = KeepAliveInterval;
        socket.Options.KeepAliveTimeout = KeepAliveTimeout;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new SocketModeConnection(socket, url.Host, dispatcher, onHello, maxMessageBytes, logger);
    }

    /// <summary>
    /// Says goodbye once the envelope in hand is acknowledged, lets Slack answer for up to <paramref name="grace"/>,
    /// then drops the socket.
    /// </summary>
    public async Task CloseAsync(TimeSpan grace, TimeProvider time)
    {
        await busy.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(grace, time);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already broken: there is nobody left to say goodbye to.
        }
        finally
        {
            busy.Release();
        }

        try
        {
            await Completion.WaitAsync(grace, time);
        }
        catch (TimeoutException)
        {
            socket.Abort();
        }
        catch (Exception)
        {
            // How it ended was already reported by whoever watched Completion; closing is all that is left.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        try
        {
            await Completion;
        }
        catch (Exception)
        {
            // Disposal only releases; failures were observed by the owner.
        }

        socket.Dispose();
        lifetime.Dispose();
        busy.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            buffer.ResetWrittenCount();
            if (!await ReadMessageAsync(buffer, cancellationToken))
            {
                return;
            }

            SocketModeEnvelope envelope;
            try
            {
                envelope = SocketModeEnvelope.Parse(buffer.WrittenSpan);
            }
            catch (JsonException)
            {
                SocketModeLog.MalformedFrame(logger);
                continue;
            }

            await HandleAsync(envelope, cancellationToken);
        }
    }

    private async Task HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Type)
        {
            case "hello":
                SocketModeLog.Connected(logger, Host, envelope.NumConnections);
                onHello();
                return;
            case "disconnect":
                SocketModeLog.DisconnectRequested(logger, envelope.Reason ?? "unspecified");
                refreshRequested.TrySetResult();
                return;
        }

        await busy.WaitAsync(cancellationToken);
        try
        {
            if (socket.State != WebSocketState.Open)
            {
                // An ack cannot follow our goodbye; unacknowledged, the envelope goes to the new connection.
                SocketModeLog.ArrivedWhileClosing(logger, envelope.Type, envelope.EnvelopeId ?? "");
                return;
            }

            if (await dispatcher.DispatchAsync(envelope, cancellationToken) is { } ack)
            {
                await SendAsync(ack, cancellationToken);
            }
        }
        finally
        {
            busy.Release();
        }
    }

    /// <summary>Reads one whole text message into <paramref name="buffer"/>; false when the socket closed.</summary>
    private async Task<bool> ReadMessageAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                }

                return false;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > maxMessageBytes)
            {
                SocketModeLog.MessageTooBig(logger, maxMessageBytes);
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, null, cancellationToken);
                throw new WebSocketException(WebSocketError.Faulted, "A Socket Mode message was too large.");
            }

            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    return true;
                }

                buffer.ResetWrittenCount(); // Slack sends JSON text; a binary message means nothing here.
            }
        }
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }
}
