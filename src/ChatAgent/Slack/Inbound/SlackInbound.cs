using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Inbox;

namespace Vigil.ChatAgent.Slack.Inbound;

/// <summary>
/// Takes verified Slack payloads (HTTP or Socket Mode), turns them into neutral events and stores them in the
/// durable inbox; the conversation worker does the rest. Only the finding buttons act at once, because Slack's
/// trigger for the "why?" dialog expires three seconds after the click.
/// </summary>
public sealed partial class SlackInbound(ConversationInbox inbox, SlackInteractions interactions, ILogger<SlackInbound> logger) : ISlackInbound
{
    public async Task<SlackAck> AcceptEventAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        var type = SlackJson.Text(envelope, "type");
        if (type == "url_verification")
        {
            return new SlackAck(SlackAckKind.Challenge, SlackJson.Text(envelope, "challenge") ?? "");
        }

        if (type == "app_rate_limited")
        {
            // Slack is dropping this workspace's events (over 30,000 an hour, slack.md §2.3): what was said meanwhile is lost.
            var minute = envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("minute_rate_limited", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt64(out var at) ? at : (long?)null;
            LogRateLimited(logger, SlackJson.Text(envelope, "team_id") ?? "(none)", minute);
            return new SlackAck(SlackAckKind.Ignored, Reason: "Slack is rate-limiting event deliveries to this app");
        }

        if (type != "event_callback")
        {
            LogIgnored(logger, type ?? "(none)", "not an event_callback");
            return new SlackAck(SlackAckKind.Ignored, Reason: $"envelope type '{type}' is not handled");
        }

        IReadOnlyList<TranslatedEvent> events;
        string? ignored;
        try
        {
            (events, ignored) = SlackEventTranslator.Translate(envelope);
        }
        catch (InvalidOperationException e)
        {
            // A shape the translator did not expect (JsonElement throws on a member read from a non-object). Failing
            // would make Slack redeliver the same payload forever; it is logged and acknowledged instead.
            LogMalformed(logger, SlackJson.Text(envelope, "event_id") ?? "(none)", e.Message);
            return new SlackAck(SlackAckKind.Ignored, Reason: "malformed event");
        }

        if (ignored is not null)
        {
            LogIgnored(logger, SlackJson.Text(envelope, "event_id") ?? "(none)", ignored);
            return new SlackAck(SlackAckKind.Ignored, Reason: ignored);
        }

        var stored = 0;
        foreach (var translated in events)
        {
            stored += await inbox.AcceptAsync(translated.DedupeKey, translated.Event, cancellationToken, translated.Delay) ? 1 : 0;
        }

        return new SlackAck(stored > 0 ? SlackAckKind.Accepted : SlackAckKind.Duplicate);
    }

    public async Task<JsonObject?> AcceptCommandAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        if (fields.ContainsKey("ssl_check"))
        {
            return null;
        }

        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        var where = new ConversationRef(SlackEventTranslator.Platform, Field("team_id"), Field("channel_id"));
        // Slack names private conversations "privategroup" / "directmessage" in commands; anything unknown counts as private.
        var isPrivate = Field("channel_name") is not { Length: > 0 } name || name is "privategroup" or "directmessage" || name.StartsWith("mpdm-", StringComparison.Ordinal);
        var command = new CommandInvoked(where, Field("user_id"), isPrivate, CommandText.Read(Field("text")), fields.GetValueOrDefault("response_url"));
        var key = fields.TryGetValue("trigger_id", out var trigger) ? $"command:{trigger}" : $"command:{Guid.NewGuid():N}";
        await inbox.AcceptAsync(key, command, cancellationToken);
        return null;
    }

    public Task<JsonObject?> AcceptInteractionAsync(JsonElement payload, CancellationToken cancellationToken) =>
        interactions.AcceptAsync(payload, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited event deliveries for team {Team} (minute {MinuteRateLimited}): events sent meanwhile are lost")]
    private static partial void LogRateLimited(ILogger logger, string team, long? minuteRateLimited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack event {EventId} ignored: malformed event ({Problem})")]
    private static partial void LogMalformed(ILogger logger, string eventId, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string eventId, string reason);
}
