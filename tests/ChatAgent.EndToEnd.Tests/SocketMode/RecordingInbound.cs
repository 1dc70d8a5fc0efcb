using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.ChatAgent.Slack;

namespace Vigil.ChatAgent.EndToEnd.Tests.SocketMode;

/// <summary>
/// Stands in for the durable inbox: records what it was given and answers as told. An event whose text contains
/// <see cref="Poison"/> makes it throw, as a full disk or a locked database would.
/// </summary>
internal sealed class RecordingInbound : ISlackInbound
{
    public const string Poison = "POISON";

    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Commands { get; } = new();

    public ConcurrentQueue<JsonElement> Interactions { get; } = new();

    public JsonObject? CommandReply { get; init; }

    public JsonObject? InteractionReply { get; init; }

    public Task<SlackAck> AcceptEventAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        Events.Enqueue(envelope);
        if (envelope.GetProperty("event").GetProperty("text").GetString()!.Contains(Poison, StringComparison.Ordinal))
        {
            throw new IOException("the inbox could not be written");
        }

        return Task.FromResult(new SlackAck(SlackAckKind.Accepted));
    }

    public Task<JsonObject?> AcceptCommandAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        Commands.Enqueue(fields);
        return Task.FromResult(CommandReply?.DeepClone().AsObject());
    }

    public Task<JsonObject?> AcceptInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        Interactions.Enqueue(payload);
        return Task.FromResult(InteractionReply?.DeepClone().AsObject());
    }
}
