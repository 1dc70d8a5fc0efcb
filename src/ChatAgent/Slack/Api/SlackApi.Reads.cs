using System.Globalization;

namespace Vigil.ChatAgent.Slack.Api;

// Reading the workspace: who we are, what was said, where, by whom.
public sealed partial class SlackApi
{
    /// <summary>auth.test: the team, bot user and bot id the token belongs to.</summary>
    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken) =>
        SlackIdentity.From(await GetAsync("auth.test", [], cancellationToken));

    /// <summary>chat.getPermalink; remembered, since a message's link never changes.</summary>
    public Task<string> PermalinkAsync(string channel, string messageTs, CancellationToken cancellationToken) =>
        permalinks.GetOrAddAsync($"{channel}/{messageTs}", async () =>
        {
            var answer = await GetAsync("chat.getPermalink", [("channel", channel), ("message_ts", messageTs)], cancellationToken);
            return answer.Text("permalink") ?? throw new SlackApiException("chat.getPermalink", "no_permalink_in_answer");
        });

    /// <summary>conversations.replies, every page: the thread's parent first, then the replies in order.</summary>
    public async Task<IReadOnlyList<SlackMessage>> RepliesAsync(string channel, string threadTs, CancellationToken cancellationToken) =>
        await PagesAsync("conversations.replies", [("channel", channel), ("ts", threadTs)], cancellationToken);

    /// <summary>
    /// conversations.history, every page, oldest first (Slack pages newest first); only messages after
    /// <paramref name="oldest"/> when it is given. Thread replies are not included: read them with <see cref="RepliesAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<SlackMessage>> HistoryAsync(string channel, string? oldest, CancellationToken cancellationToken)
    {
        var messages = await PagesAsync("conversations.history", [("channel", channel), ("oldest", oldest)], cancellationToken);
        return [.. messages.OrderBy(m => TsValue(m.Ts))];
    }

    /// <summary>conversations.info, remembered for a few minutes.</summary>
    public Task<SlackChannel> ChannelInfoAsync(string channel, CancellationToken cancellationToken) =>
        channels.GetOrAddAsync(channel, async () =>
            SlackChannel.From((await GetAsync("conversations.info", [("channel", channel)], cancellationToken)).Child("channel")));

    private async Task<List<SlackMessage>> PagesAsync(string method, (string, string?)[] arguments, CancellationToken cancellationToken)
    {
        var messages = new List<SlackMessage>();
        string? cursor = null;
        for (var page = 1; page <= MaxPages; page++)
        {
            var answer = await GetAsync(
                method,
                [.. arguments, ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)],
                cancellationToken);
            messages.AddRange(answer.Items("messages").Select(SlackMessage.From));
            cursor = answer.Child("response_metadata").Text("next_cursor");
            if (string.IsNullOrEmpty(cursor))
            {
                return messages;
            }
        }

        LogTooManyPages(logger, method, MaxPages);
        return messages;
    }

    // A ts is "seconds.micros"; as a decimal it orders exactly.
    private static decimal TsValue(string ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
