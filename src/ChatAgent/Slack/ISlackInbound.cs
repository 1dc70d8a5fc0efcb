using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack;

/// <summary>
/// Where verified Slack payloads go, whether they came over HTTP (after the signature check) or Socket Mode. Each
/// call stores the work durably and returns at once: Slack wants an answer within 3 seconds.
/// </summary>
public interface ISlackInbound
{
    /// <summary>An <c>event_callback</c> envelope (or <c>url_verification</c>); duplicates by event_id are ignored.</summary>
    Task<SlackAck> AcceptEventAsync(JsonElement envelope, CancellationToken cancellationToken);

    /// <summary>A slash command's fields; the result is the immediate response (null: an empty acknowledgement).</summary>
    Task<JsonObject?> AcceptCommandAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken);

    /// <summary>A <c>block_actions</c> or <c>view_submission</c> payload; the result is a <c>response_action</c> or null.</summary>
    Task<JsonObject?> AcceptInteractionAsync(JsonElement payload, CancellationToken cancellationToken);
}

/// <summary>How an event was taken: stored, a duplicate, ignored (unknown type) or a URL-verification challenge.</summary>
public sealed record SlackAck(SlackAckKind Kind, string? Challenge = null, string? Reason = null);

public enum SlackAckKind
{
    Accepted,
    Duplicate,
    Ignored,
    Challenge,
}
