using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Slack.Api;
using Vigil.ChatAgent.Slack.BlockKit;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Slack.Inbound;

/// <summary>
/// The finding buttons: a click opens a dialog asking why (the decision is not recorded without a reason), and the
/// submitted dialog becomes a status change in the inbox, with the clicking user as the actor.
/// </summary>
public sealed partial class SlackInteractions(SlackApi api, ConversationInbox inbox, ILogger<SlackInteractions> logger)
{
    public async Task<JsonObject?> AcceptAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        switch (SlackJson.Text(payload, "type"))
        {
            case "block_actions":
                await OpenReasonDialogAsync(payload, cancellationToken);
                return null;
            case "view_submission" when payload.TryGetProperty("view", out var view) && SlackJson.Text(view, "callback_id") == FindingStatusModal.CallbackId:
                return await RecordAsync(payload, view, cancellationToken);
            default:
                LogIgnored(logger, SlackJson.Text(payload, "type") ?? "(none)");
                return null;
        }
    }

    private async Task OpenReasonDialogAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var action in actions.EnumerateArray())
        {
            if (!FindingActions.TryParse(SlackJson.Text(action, "action_id") ?? "", out var status)
                || SlackJson.Text(action, "value") is not { Length: > 0 } findingId)
            {
                continue;
            }

            var container = payload.TryGetProperty("container", out var c) ? c : default;
            var message = payload.TryGetProperty("message", out var m) ? m : default;
            var origin = new DecisionOrigin(
                findingId,
                status,
                Team(payload),
                container.ValueKind == JsonValueKind.Object ? SlackJson.Text(container, "channel_id") : null,
                container.ValueKind == JsonValueKind.Object ? SlackJson.Text(container, "message_ts") : null,
                message.ValueKind == JsonValueKind.Object ? SlackJson.Text(message, "thread_ts") : null);
            var view = FindingStatusModal.Build(findingId, findingId, status, JsonSerializer.Serialize(origin, DecisionOrigin.Json));
            try
            {
                await api.OpenViewAsync(SlackJson.Text(payload, "trigger_id") ?? "", view, cancellationToken);
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The click is still acknowledged: an error answer would only make Slack show a warning sign, and
                // the trigger has expired anyway. The user presses the button again.
                LogNoDialog(logger, findingId, e is SlackApiException slack ? slack.Error : e.GetType().Name);
            }
        }
    }

    private async Task<JsonObject?> RecordAsync(JsonElement payload, JsonElement view, CancellationToken cancellationToken)
    {
        var (reason, expires) = FindingStatusModal.Read(view);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return FindingStatusModal.Errors("Say why, so the decision can be defended later.");
        }

        DecisionOrigin? origin;
        try
        {
            origin = JsonSerializer.Deserialize<DecisionOrigin>(SlackJson.Text(view, "private_metadata") ?? "{}", DecisionOrigin.Json);
        }
        catch (JsonException)
        {
            // Only Vigil writes this field; garbled, it is answered like a lost one, never with a server error.
            origin = null;
        }
        if (origin is null || origin.FindingId is not { Length: > 0 })
        {
            return FindingStatusModal.Errors("This dialog lost track of its finding; press the button again.");
        }

        var actor = payload.TryGetProperty("user", out var user) ? SlackJson.Text(user, "id") ?? "" : "";
        var team = origin.Team ?? Team(payload);
        var summary = origin.Channel is { } channel && origin.MessageTs is { } ts
            ? new ConversationRef(SlackEventTranslator.Platform, team, channel, origin.ThreadTs, ts)
            : null;
        var where = summary ?? new ConversationRef(SlackEventTranslator.Platform, team, "");
        var expiresAt = expires is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        var change = new FindingStatusChanged(where, actor, true, origin.FindingId, origin.Status, reason.Trim(), expiresAt, summary);
        await inbox.AcceptAsync($"view:{SlackJson.Text(view, "id") ?? Guid.NewGuid().ToString("N")}:{SlackJson.Text(view, "hash")}", change, cancellationToken);
        return null;
    }

    private static string Team(JsonElement payload) =>
        payload.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object ? SlackJson.Text(team, "id") ?? "" :
        payload.TryGetProperty("user", out var user) ? SlackJson.Text(user, "team_id") ?? "" : "";

    /// <summary>What the dialog must remember between the click and the submit (Slack's private_metadata, ≤ 3,000 chars).</summary>
    private sealed record DecisionOrigin(string FindingId, FindingStatus Status, string? Team, string? Channel, string? MessageTs, string? ThreadTs)
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the decision dialog for finding {FindingId}: {Failure}")]
    private static partial void LogNoDialog(ILogger logger, string findingId, string failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack interaction of type {Type} ignored")]
    private static partial void LogIgnored(ILogger logger, string type);
}
