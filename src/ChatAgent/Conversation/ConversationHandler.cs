using Vigil.ChatAgent.Conversation.Assistant;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.State;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Queue;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// What each conversation event means: what was said goes to ingestion (it is the design), questions and commands
/// go to the assistant and their answers back to the platform, decisions go to the ledger.
/// </summary>
public sealed partial class ConversationHandler(
    IngestionInbox ingestion,
    DesignRecords records,
    ConversationInbox inbox,
    ChannelSettings channels,
    ThreadPlaces places,
    SentReplies sent,
    Assistant.Assistant assistant,
    Overview overview,
    FindingDecisions decisions,
    IEnumerable<IConversationChannel> outlets,
    IEnumerable<IConversationSource> sources,
    DecodeLimits limits,
    TimeProvider time,
    ILogger<ConversationHandler> logger)
{
    public async Task HandleAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken)
    {
        switch (conversationEvent)
        {
            case MessagePosted posted:
                await IngestMessageAsync(posted, posted.Text, cancellationToken);
                break;
            case MessageEdited edited:
                await IngestMessageAsync(edited, edited.Text, cancellationToken);
                break;
            case MessageDeleted deleted:
                await ForgetAsync(deleted, cancellationToken);
                break;
            case FileShared file:
                await IngestFileAsync(file, cancellationToken);
                break;
            case BotMentioned mention:
                await AnswerAsync(mention, cancellationToken);
                break;
            case CommandInvoked command:
                var answer = await assistant.AnswerCommandAsync(command, Outlet(command), cancellationToken);
                await Outlet(command).RespondAsync(command, answer.Reply, answer.ForChannel, cancellationToken);
                break;
            case FindingStatusChanged change:
                await RecordDecisionAsync(change, cancellationToken);
                break;
            case BotJoined joined:
                await Outlet(joined).PostAsync(joined.Where with { Thread = null, Message = null }, Introduction(), cancellationToken);
                break;
            case HomeOpened home:
                await Outlet(home).ShowOverviewAsync(home.Where, home.Author, await overview.ComposeAsync(home.Where, Outlet(home), cancellationToken), cancellationToken);
                break;
        }
    }

    private async Task IngestMessageAsync(ConversationEvent message, string text, CancellationToken cancellationToken)
    {
        if (!await channels.IsWatchedAsync(message.Where, cancellationToken))
        {
            return;
        }

        await places.RecordAsync(message.Where, message.PrivateChannel, cancellationToken);
        await ingestion.AcceptAsync(
            IngestRequest.Message(Places.Scope(message.Where, message.PrivateChannel), Places.Source(message.Where), text, message.Author),
            cancellationToken);
    }

    /// <summary>
    /// A deleted message stops counting everywhere (index, design record, model), and so do the files it carried:
    /// an empty newer version replaces each. Deletions apply even in an unwatched channel: what was read before
    /// must be forgettable.
    /// </summary>
    private async Task ForgetAsync(MessageDeleted deleted, CancellationToken cancellationToken)
    {
        var message = Places.Source(deleted.Where);
        var sources = await records.SourcesAsync(Places.ThreadKey(deleted.Where), cancellationToken);
        foreach (var source in sources.Where(s => s.Id == message || s.Id.StartsWith(message + "/", StringComparison.Ordinal)))
        {
            await ingestion.AcceptAsync(
                IngestRequest.Message(Places.Scope(deleted.Where, deleted.PrivateChannel), source.Id, "", deleted.Author),
                cancellationToken);
        }
    }

    private async Task IngestFileAsync(FileShared file, CancellationToken cancellationToken)
    {
        if (!file.Placed && await inbox.ContainsAsync(Places.FileKey(file.Where.Workspace, file.FileId), cancellationToken))
        {
            // The message carrying this file already brought it, with its thread.
            return;
        }

        if (!await channels.IsWatchedAsync(file.Where, cancellationToken))
        {
            return;
        }

        var isPrivate = file.Placed ? file.PrivateChannel : await Source(file).IsPrivateAsync(file.Where, cancellationToken);
        var shared = await Source(file).FetchFileAsync(file.Where, file.FileId, limits.MaxFileBytes, cancellationToken);
        await places.RecordAsync(file.Where, isPrivate, cancellationToken);
        var scope = Places.Scope(file.Where, isPrivate);
        var source = Places.FileSource(file.Where, file.FileId, shared.Name);
        await ingestion.AcceptAsync(IngestRequest.File(scope, shared.Name, shared.Content, source) with { Author = file.Author }, cancellationToken);
    }

    private async Task AnswerAsync(BotMentioned mention, CancellationToken cancellationToken)
    {
        var outlet = Outlet(mention);
        var source = Source(mention);
        var isPrivate = await source.IsPrivateAsync(mention.Where, cancellationToken);
        mention = mention with { PrivateChannel = isPrivate };
        // In an unwatched channel a mention is answered from what Vigil already read; nothing new is read there.
        if (mention.Where.Thread is not null && await channels.IsWatchedAsync(mention.Where, cancellationToken))
        {
            await BackfillThreadAsync(mention, source, cancellationToken);
        }

        var answer = await assistant.AnswerQuestionAsync(mention, outlet, cancellationToken);
        var thread = mention.Where.InThread();
        var posted = await outlet.PostAsync(thread, answer.Reply, cancellationToken);
        await sent.RememberAsync(thread with { Message = posted }, answer.Reply, cancellationToken);
    }

    /// <summary>
    /// A thread that began before Vigil was invited (or while it was away) is read whole before answering. Messages
    /// already ingested are recognised by their content and place, so reading them again costs nothing.
    /// </summary>
    private async Task BackfillThreadAsync(BotMentioned mention, IConversationSource source, CancellationToken cancellationToken)
    {
        IReadOnlyList<ThreadMessage> messages;
        try
        {
            messages = await source.ThreadAsync(mention.Where.InThread(), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            LogBackfillFailed(logger, mention.Where.Channel, e.Message);
            return;
        }

        await places.RecordAsync(mention.Where, mention.PrivateChannel, cancellationToken);
        foreach (var message in messages)
        {
            if (message.Text.Length > 0)
            {
                await ingestion.AcceptAsync(IngestRequest.Message(Places.Scope(message.Where, mention.PrivateChannel), Places.Source(message.Where), message.Text, message.Author), cancellationToken);
            }

            foreach (var fileId in message.FileIds)
            {
                // Through the inbox, keyed like any shared file: a file already brought by its message is not fetched again.
                await inbox.AcceptAsync(Places.FileKey(message.Where.Workspace, fileId), new FileShared(message.Where, message.Author, mention.PrivateChannel, fileId, null), cancellationToken);
            }
        }
    }

    private async Task RecordDecisionAsync(FindingStatusChanged change, CancellationToken cancellationToken)
    {
        await decisions.RecordAsync(new FindingDecision(change.Where.Workspace, change.FindingId, change.Status, change.Reason, change.Author, time.GetUtcNow(), change.ExpiresAt), cancellationToken);
        if (change.Summary is not { } message || await sent.FindAsync(message, cancellationToken) is not { } reply)
        {
            return;
        }

        var reason = $"{FindingViews.Describe(change.Status)} by {FindingViews.Mention(change.Where, change.Author)}: {change.Reason}";
        var redrawn = reply with
        {
            Blocks = reply.Blocks.Select(b => b is FindingBlock f && f.Finding.Id == change.FindingId
                ? f with { Finding = f.Finding with { Status = change.Status, StatusReason = reason }, WithActions = change.Status == ThreatModel.Findings.FindingStatus.Open }
                : b).ToList(),
        };
        await Outlet(change).UpdateAsync(message, redrawn, cancellationToken);
        await sent.RememberAsync(message, redrawn, cancellationToken);
    }

    private static Reply Introduction() => new(
        "Hi, I'm Vigil",
        [
            new Paragraph("Hi, I'm Vigil. I read the design threads in this channel — messages, specs, whiteboard photos, voice notes — and keep a living threat model of what you are building."),
            new Bullets(
            [
                "When a thread's risk changes, I post one summary in it and keep editing it; no stream of posts.",
                "Ask me in any thread: @Vigil what are the risks here?",
                "/threat help lists everything; /threat unwatch stops me reading this channel.",
            ]),
        ]);

    private IConversationChannel Outlet(ConversationEvent e) =>
        outlets.FirstOrDefault(o => o.Platform == e.Where.Platform) ?? throw new InvalidOperationException($"no adapter speaks {e.Where.Platform}");

    private IConversationSource Source(ConversationEvent e) =>
        sources.FirstOrDefault(s => s.Platform == e.Where.Platform) ?? throw new InvalidOperationException($"no adapter reads {e.Where.Platform}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the whole thread in {Channel} before answering: {Reason}")]
    private static partial void LogBackfillFailed(ILogger logger, string channel, string reason);
}
