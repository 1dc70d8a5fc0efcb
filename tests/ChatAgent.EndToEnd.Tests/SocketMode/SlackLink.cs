using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Vigil.ChatAgent.EndToEnd.Tests.SocketMode;

/// <summary>Slack's end of one Socket Mode WebSocket: sends frames, collects the client's acks, can drop the line.</summary>
internal sealed class SlackLink(int ticket, WebSocket socket, HttpContext context, Action<string> timeline)
{
    private readonly Channel<JsonElement> acks = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sending = new(1, 1);

    public int Ticket => ticket;

    /// <summary>How the client closed this socket (null when the line just broke).</summary>
    public Task<WebSocketCloseStatus?> Closed => closed.Task;

    public async Task<JsonElement> NextAckAsync(CancellationToken cancellationToken) => await acks.Reader.ReadAsync(cancellationToken);

    public bool HasPendingAck => acks.Reader.TryPeek(out _);

    public Task SendAsync(string json, CancellationToken cancellationToken) => SendInPiecesAsync(json, 1, cancellationToken);

    /// <summary>One message split over <paramref name="pieces"/> WebSocket frames, as a proxy or a large payload may do.</summary>
    public async Task SendInPiecesAsync(string json, int pieces, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = (bytes.Length + pieces - 1) / pieces;
        await sending.WaitAsync(cancellationToken);
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, cancellationToken);
            }
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Cuts the TCP connection without a close handshake.</summary>
    public void Drop() => context.Abort();

    /// <summary>Reads what the client sends until the socket ends; answers its close like Slack does.</summary>
    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    timeline($"client closed link {ticket}");
                    closed.TrySetResult(result.CloseStatus);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                acks.Writer.TryWrite(JsonSerializer.Deserialize<JsonElement>(message.ToArray()));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            closed.TrySetResult(null);
        }
    }
}
