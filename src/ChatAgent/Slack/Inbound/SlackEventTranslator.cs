using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.ChatAgent.Conversation;
using Vigil.Ingestion.Sources;

namespace Vigil.ChatAgent.Slack.Inbound;

/// <summary>
/// Turns an Events API <c>event_callback</c> envelope into neutral conversation events (slack.md §2). Only
/// translation lives here: what an event means for the threat model is the core's business.
/// </summary>
public static partial class SlackEventTranslator
{
    public const string Platform = "slack";

    /// <summary>How long a bare file_shared event waits for the message that carries the same file and its thread.</summary>
    public static readonly TimeSpan UnplacedFileDelay = TimeSpan.FromSeconds(30);

    /// <summary>The events in the envelope, or why there are none (for the log).</summary>
    public static (IReadOnlyList<TranslatedEvent> Events, string? Ignored) Translate(JsonElement envelope)
    {
        var team = SlackJson.Text(envelope, "team_id") ?? "";
        var eventId = SlackJson.Text(envelope, "event_id");
        if (SlackJson.Object(envelope, "event") is not { } e || eventId is null)
        {
            return ([], "the envelope has no event or event_id");
        }

        var bot = BotUser(envelope);
        var type = SlackJson.Text(e, "type");
        return type switch
        {
            "app_mention" => Mention(team, eventId, bot, e),
            "message" => Message(team, eventId, bot, SlackJson.Text(envelope, "api_app_id"), e),
            "file_shared" => UnplacedFile(team, e),
            "member_joined_channel" when SlackJson.Text(e, "user") is { } user && user == bot =>
                One(eventId, new BotJoined(Where(team, SlackJson.Text(e, "channel")), SlackJson.Text(e, "inviter") ?? user, SlackJson.Text(e, "channel_type") == "G")),
            "member_joined_channel" => ([], "someone other than Vigil joined a channel"),
            "app_home_opened" when SlackJson.Text(e, "tab") is null or "home" => One(eventId, new HomeOpened(Where(team, SlackJson.Text(e, "channel")), SlackJson.Text(e, "user") ?? "")),
            "app_home_opened" => ([], "the messages tab of the app home was opened"),
            _ => ([], $"event type '{type}' is not one Vigil handles"),
        };
    }

    private static (IReadOnlyList<TranslatedEvent>, string?) Mention(string team, string eventId, string? bot, JsonElement e)
    {
        var where = Where(team, SlackJson.Text(e, "channel"), SlackJson.Text(e, "thread_ts"), SlackJson.Text(e, "ts"));
        // A mention carries no channel type; the core checks the channel before it stores anything said there.
        return One(eventId, new BotMentioned(where, SlackJson.Text(e, "user") ?? "", PrivateChannel: true, SlackText.Decode(WithoutMentionOf(bot, SlackJson.Text(e, "text") ?? ""))));
    }

    private static (IReadOnlyList<TranslatedEvent>, string?) Message(string team, string eventId, string? bot, string? appId, JsonElement e)
    {
        var subtype = SlackJson.Text(e, "subtype");
        var isPrivate = SlackJson.Text(e, "channel_type") is not "channel";
        var channel = SlackJson.Text(e, "channel");
        switch (subtype)
        {
            case null or "thread_broadcast" or "file_share":
                if (IsFromBot(e, bot, appId))
                {
                    return ([], "a bot's message (Vigil does not read bots, its own summaries included)");
                }

                var where = Where(team, channel, SlackJson.Text(e, "thread_ts"), SlackJson.Text(e, "ts"));
                var author = SlackJson.Text(e, "user") ?? "";
                var events = new List<TranslatedEvent>();
                if (SlackJson.Text(e, "text") is { Length: > 0 } text)
                {
                    events.Add(new TranslatedEvent(eventId, new MessagePosted(where, author, isPrivate, SlackText.Decode(text))));
                }

                foreach (var file in Files(e))
                {
                    events.Add(new TranslatedEvent(Places.FileKey(team, file.Id), new FileShared(where, author, isPrivate, file.Id, file.Name)));
                }

                return events.Count > 0 ? (events, null) : ([], "a message with neither text nor files");
            case "message_changed":
                if (SlackJson.Object(e, "message") is not { } message)
                {
                    return ([], "an edit without the edited message");
                }

                if (IsFromBot(message, bot, appId))
                {
                    return ([], "an edit of a bot's message");
                }

                var newText = SlackJson.Text(message, "text") ?? "";
                var oldText = SlackJson.Object(e, "previous_message") is { } previous ? SlackJson.Text(previous, "text") : null;
                if (newText == oldText)
                {
                    return ([], "a message changed without its text changing (an unfurl or a reply count)");
                }

                var edited = Where(team, channel, SlackJson.Text(message, "thread_ts"), SlackJson.Text(message, "ts"));
                return One(eventId, new MessageEdited(edited, SlackJson.Text(message, "user") ?? "", isPrivate, SlackText.Decode(newText)));
            case "message_deleted":
                // SlackJson.Text() reads nothing from a missing or non-object previous_message.
                var before = SlackJson.Object(e, "previous_message") ?? default;
                var deleted = Where(team, channel, SlackJson.Text(before, "thread_ts"), SlackJson.Text(e, "deleted_ts"));
                return One(eventId, new MessageDeleted(deleted, SlackJson.Text(before, "user") ?? "", isPrivate));
            default:
                return ([], $"message subtype '{subtype}' carries no design content");
        }
    }

    private static (IReadOnlyList<TranslatedEvent>, string?) UnplacedFile(string team, JsonElement e)
    {
        var fileId = SlackJson.Text(e, "file_id") ?? (SlackJson.Object(e, "file") is { } f ? SlackJson.Text(f, "id") : null);
        if (fileId is null)
        {
            return ([], "a file_shared event without a file id");
        }

        var shared = new FileShared(Where(team, SlackJson.Text(e, "channel_id")), SlackJson.Text(e, "user_id") ?? "", PrivateChannel: true, fileId, FileName: null, Placed: false);
        return ([new TranslatedEvent($"file_shared:{team}:{fileId}", shared, UnplacedFileDelay)], null);
    }

    private static (IReadOnlyList<TranslatedEvent>, string?) One(string eventId, ConversationEvent conversationEvent) =>
        ([new TranslatedEvent(eventId, conversationEvent)], null);

    private static ConversationRef Where(string team, string? channel, string? threadTs = null, string? ts = null) =>
        new(Platform, team, channel ?? "", threadTs == ts ? null : threadTs, ts);

    private static bool IsFromBot(JsonElement message, string? bot, string? appId) =>
        SlackJson.Text(message, "subtype") == "bot_message"
        || (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("bot_id", out _))
        || (bot is not null && SlackJson.Text(message, "user") == bot)
        || (appId is not null && SlackJson.Object(message, "bot_profile") is { } profile && SlackJson.Text(profile, "app_id") == appId);

    private static IEnumerable<(string Id, string? Name)> Files(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var file in files.EnumerateArray())
        {
            if (SlackJson.Text(file, "id") is { } id)
            {
                yield return (id, SlackJson.Text(file, "name"));
            }
        }
    }

    /// <summary>The bot user this delivery is for: its mentions are removed from questions and its messages ignored.</summary>
    private static string? BotUser(JsonElement envelope)
    {
        if (envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array)
        {
            foreach (var authorization in authorizations.EnumerateArray())
            {
                if (authorization.ValueKind == JsonValueKind.Object && authorization.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
                {
                    return SlackJson.Text(authorization, "user_id");
                }
            }
        }

        return null;
    }

    private static string WithoutMentionOf(string? bot, string text) =>
        MentionPattern().Replace(text, m => bot is null || m.Groups["user"].Value == bot ? "" : m.Value).Trim();

    [GeneratedRegex(@"<@(?<user>[\w-]+)(?:\|[^>]*)?>")]
    private static partial Regex MentionPattern();
}
