using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.EndToEnd.Tests.Fakes;

// What the fake workspace holds, and the helpers tests use to seed and inspect it. All under `gate`.
public sealed partial class FakeSlackServer
{
    private readonly List<FakeSlackMessage> messages = [];
    private readonly List<FakeSlackMessage> ephemerals = [];
    private readonly Dictionary<string, JsonObject> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackFile> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string FileName, long Length)> pendingUploads = new(StringComparer.Ordinal);
    private readonly List<FakeSlackUpload> uploads = [];
    private readonly List<FakeSlackResponse> responses = [];
    private readonly List<JsonObject> openedViews = [];
    private readonly Dictionary<string, JsonObject> homeViews = new(StringComparer.Ordinal);
    private long tsCounter;
    private long idCounter;

    /// <summary>The channel's messages (top-level and thread replies) in ts order.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string channel)
    {
        lock (gate)
        {
            return [.. messages.Where(m => m.Channel == channel).OrderBy(m => TsValue(m.Ts))];
        }
    }

    /// <summary>Ephemeral messages shown in the channel; <see cref="FakeSlackMessage.User"/> is the person who saw it.</summary>
    public IReadOnlyList<FakeSlackMessage> Ephemerals(string channel)
    {
        lock (gate)
        {
            return [.. ephemerals.Where(m => m.Channel == channel)];
        }
    }

    public IReadOnlyList<FakeSlackUpload> Uploads()
    {
        lock (gate)
        {
            return [.. uploads];
        }
    }

    /// <summary>What was POSTed to response URLs handed out by <see cref="ResponseUrl"/>.</summary>
    public IReadOnlyList<FakeSlackResponse> Responses()
    {
        lock (gate)
        {
            return [.. responses];
        }
    }

    public IReadOnlyList<JsonObject> OpenedViews()
    {
        lock (gate)
        {
            return [.. openedViews.Select(v => (JsonObject)v.DeepClone())];
        }
    }

    public JsonObject? HomeView(string userId)
    {
        lock (gate)
        {
            return homeViews.TryGetValue(userId, out var view) ? (JsonObject)view.DeepClone() : null;
        }
    }

    /// <summary>A fresh response_url on this server, as Slack hands one out with each command or interaction.</summary>
    public Uri ResponseUrl() => new(BaseUrl, $"hooks/{Guid.NewGuid():N}");

    /// <summary>Where a file's bytes are served (with the bot token only).</summary>
    public Uri FileUrl(string fileId) => new(BaseUrl, $"files/{fileId}");

    /// <summary>A thread of plain text messages; the first is the parent.</summary>
    public void SeedThread(string channel, string threadTs, params (string User, string Text)[] thread) =>
        SeedThread(channel, threadTs, [.. thread.Select(m => (m.User, m.Text, (string[]?)null))]);

    /// <summary>
    /// A thread already in the channel: the first entry is the parent (ts = <paramref name="threadTs"/>), the rest
    /// are replies one second apart. <c>files</c> are ids from <see cref="SeedFile"/>.
    /// </summary>
    public void SeedThread(string channel, string threadTs, params (string User, string Text, string[]? Files)[] thread)
    {
        var parent = decimal.Parse(threadTs, CultureInfo.InvariantCulture);
        lock (gate)
        {
            for (var i = 0; i < thread.Length; i++)
            {
                var (user, text, fileIds) = thread[i];
                var ts = i == 0 ? threadTs : (parent + i).ToString("F6", CultureInfo.InvariantCulture);
                messages.Add(new FakeSlackMessage(channel, ts, thread.Length > 1 ? threadTs : null, user, null, text, null, fileIds ?? []));
            }
        }
    }

    /// <summary>
    /// A file files.info knows. Its download URL is this server's <c>/files/{id}</c> unless
    /// <paramref name="downloadUrl"/> points elsewhere (to prove the token does not follow it).
    /// </summary>
    public void SeedFile(
        string id, string name, string mimetype, byte[] bytes, string? subtype = null, Uri? downloadUrl = null, string? transcript = null)
    {
        lock (gate)
        {
            files[id] = new FakeSlackFile(id, name, mimetype, bytes, subtype, downloadUrl, Transcript: transcript);
        }
    }

    public void SeedChannel(string id, string name, bool isPrivate)
    {
        lock (gate)
        {
            channels[id] = ChannelJson(id, name, isPrivate);
        }
    }

    public void SeedUser(string id, string name, string realName, bool isBot = false)
    {
        lock (gate)
        {
            users[id] = new JsonObject { ["id"] = id, ["name"] = name, ["real_name"] = realName, ["is_bot"] = isBot, ["team_id"] = TeamId };
        }
    }

    // 1700000000.000100, 1700000000.000200, …: increasing, unique, shaped like Slack's.
    private string NextTs()
    {
        var micros = ++tsCounter * 100;
        return $"{1_700_000_000 + (micros / 1_000_000)}.{micros % 1_000_000:D6}";
    }

    private string NextId(string prefix) => $"{prefix}{++idCounter:D6}";

    private static decimal TsValue(string ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static JsonObject ChannelJson(string id, string name, bool isPrivate) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["is_channel"] = !isPrivate && !id.StartsWith('D'),
        ["is_group"] = isPrivate,
        ["is_im"] = id.StartsWith('D'),
        ["is_private"] = isPrivate || id.StartsWith('D'),
    };
}
