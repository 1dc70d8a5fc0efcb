using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

/// <summary>Stands in for a chat platform: records what would have been posted, can refuse a channel, links like Slack does.</summary>
internal sealed class RecordingChannel(string platform = "slack") : IConversationChannel
{
    private readonly List<(ConversationRef Where, Reply Reply)> posts = [];

    public string Platform => platform;

    /// <summary>Posts to this channel fail as if the platform answered with an error.</summary>
    public string? FailingChannel { get; init; }

    public IReadOnlyList<(ConversationRef Where, Reply Reply)> Posts
    {
        get
        {
            lock (posts)
            {
                return [.. posts];
            }
        }
    }

    public Task<string> PostAsync(ConversationRef where, Reply reply, CancellationToken cancellationToken)
    {
        if (where.Channel == FailingChannel)
        {
            throw new HttpRequestException("channel_not_found");
        }

        lock (posts)
        {
            posts.Add((where, reply));
            return Task.FromResult($"1700000000.{posts.Count:000000}");
        }
    }

    public Task<string?> LinkAsync(ConversationRef message, CancellationToken cancellationToken) =>
        Task.FromResult<string?>($"https://vigil.slack.com/archives/{message.Channel}/p{message.Message?.Replace(".", "", StringComparison.Ordinal)}");

    public Task UpdateAsync(ConversationRef message, Reply reply, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PostPrivateAsync(ConversationRef where, string user, Reply reply, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RespondAsync(CommandInvoked command, Reply reply, bool visibleToChannel, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ShowOverviewAsync(ConversationRef where, string user, Reply reply, CancellationToken cancellationToken) => throw new NotSupportedException();
}
