using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.SocketMode;

/// <summary>
/// Hands an envelope's payload to the inbox, the same place HTTP deliveries go, and builds the acknowledgement.
/// When the inbox fails there is no acknowledgement, so Slack delivers the envelope again.
/// </summary>
internal sealed class EnvelopeDispatcher(ISlackInbound inbound, ILogger logger)
{
    /// <summary>The acknowledgement to send, or null when the envelope must not be acknowledged.</summary>
    public async Task<JsonObject?> DispatchAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.EnvelopeId is not { Length: > 0 } id)
        {
            SocketModeLog.EnvelopeWithoutId(logger, envelope.Type);
            return null;
        }

        SocketModeLog.EnvelopeReceived(logger, envelope.Type, id, envelope.RetryAttempt);
        JsonObject? response;
        try
        {
            response = envelope.Type switch
            {
                "events_api" => await AcceptEventAsync(envelope, cancellationToken),
                "slash_commands" => await inbound.AcceptCommandAsync(SlashCommandFields.From(envelope.Payload), cancellationToken),
                "interactive" => await inbound.AcceptInteractionAsync(envelope.Payload, cancellationToken),
                _ => Unknown(envelope.Type, id),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SocketModeLog.InboundFailed(logger, e, envelope.Type, id);
            return null;
        }

        var ack = new JsonObject { ["envelope_id"] = id };
        if (response is not null && envelope.AcceptsResponsePayload)
        {
            ack["payload"] = response;
        }

        return ack;
    }

    private async Task<JsonObject?> AcceptEventAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        // Over a socket there is nothing to answer: the event is stored (or known already) and acknowledged.
        await inbound.AcceptEventAsync(envelope.Payload, cancellationToken);
        return null;
    }

    private JsonObject? Unknown(string type, string id)
    {
        // Acknowledged all the same: redelivering something Vigil cannot handle would only repeat this line.
        SocketModeLog.UnknownEnvelope(logger, type, id);
        return null;
    }
}
