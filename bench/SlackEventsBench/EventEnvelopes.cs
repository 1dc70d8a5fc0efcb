using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Bench;

/// <summary>
/// Events API <c>event_callback</c> envelopes (slack.md §2.2) carrying <c>message</c> events in public channels:
/// a unique <c>event_id</c> each, threads started and replied to across several channels, the bot's own user in
/// <c>authorizations</c> as Slack sends it.
/// </summary>
internal sealed class EventEnvelopes(string runId, int seed)
{
    public const string Team = "T-bench";
    public const string BotUser = "U-bot";
    private static readonly string[] Channels = ["C0BENCH01", "C0BENCH02", "C0BENCH03", "C0BENCH04", "C0BENCH05", "C0BENCH06", "C0BENCH07", "C0BENCH08"];
    private static readonly string[] Users = ["U0ALICE", "U0BOB", "U0CAROL", "U0DAVE", "U0ERIN", "U0FRANK"];

    private readonly Random random = new(seed);
    private readonly DesignChat chat = new(seed);
    private readonly Dictionary<string, List<string>> threads = Channels.ToDictionary(c => c, _ => new List<string>(), StringComparer.Ordinal);
    private readonly long epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private int sequence;

    /// <summary>The next envelope's raw body (what gets signed) and its event_id.</summary>
    public (string EventId, byte[] Body) Next()
    {
        var n = sequence++;
        var channel = Channels[random.Next(Channels.Length)];
        var ts = $"{epoch + n / 1000}.{n % 1000 * 1000 + random.Next(1000):D6}";
        var started = threads[channel];
        // About two messages in three are replies in one of the channel's recent threads.
        var threadTs = started.Count > 0 && random.Next(3) > 0 ? started[random.Next(Math.Max(0, started.Count - 5), started.Count)] : null;
        if (threadTs is null)
        {
            started.Add(ts);
        }

        var eventId = $"Ev{runId}{n:D7}";
        var message = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["user"] = Users[random.Next(Users.Length)],
            ["text"] = chat.Message(),
            ["ts"] = ts,
            ["event_ts"] = ts,
            ["channel_type"] = "channel",
            ["client_msg_id"] = Guid.NewGuid().ToString(),
            ["team"] = Team,
        };
        if (threadTs is not null)
        {
            message["thread_ts"] = threadTs;
            message["parent_user_id"] = Users[0];
        }

        var envelope = new JsonObject
        {
            ["token"] = "legacy-verification-token",
            ["team_id"] = Team,
            ["api_app_id"] = "A0BENCH",
            ["event"] = message,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = epoch + n / 1000,
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null,
                ["team_id"] = Team,
                ["user_id"] = BotUser,
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
            ["event_context"] = $"4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJULWJlbmNoIiwiYWlkIjoiQTBCRU5DSCIsImNpZCI6Ij{n % 97:D2}",
        };
        return (eventId, JsonSerializer.SerializeToUtf8Bytes(envelope));
    }
}
