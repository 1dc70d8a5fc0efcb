using Vigil.ChatAgent.Conversation.State;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// What each conversation event means: what was said goes to the design (<see cref="DesignIntake"/>), questions and
/// commands go to the assistant and their answers back to the platform, decisions go to the ledger.
/// </summary>
public sealed partial class ConversationHandler(
    DesignIntake intake,
    ChannelSettings channels,
    SentReplies sent,
    Assistant.Assistant assistant,
    Overview overview,
    DecisionFromButton decisions,
    IEnumerable<IConversationChannel> outlets,
    IEnumerable<IConversationSource> sources,
    ILogger<ConversationHandler> logger)
{
    public async Task HandleAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken)
    {
        switch (conversationEvent)
        {
            case MessagePosted posted:
                await intake.IngestMessageAsync(posted, posted.Text, cancellationToken);
                break;
            case MessageEdited edited:
                await intake.IngestMessageAsync(edited, edited.Text, cancellationToken);
                break;
            case MessageDeleted deleted:
                await intake.ForgetAsync(deleted, cancellationToken);
                break;
            case FileShared file:
                await intake.IngestFileAsync(file, cancellationToken);
                break;
            case BotMentioned mention:
                await AnswerAsync(mention, cancellationToken);
                break;
            case CommandInvoked command:
                var answer = await assistant.AnswerCommandAsync(command, Outlet(command), cancellationToken);
                await Outlet(command).RespondAsync(command, answer.Reply, answer.ForChannel, cancellationToken);
                break;
            case FindingStatusChanged change:
                await decisions.RecordAsync(change, Outlet(change), cancellationToken);
                break;
            case BotJoined joined:
                await Outlet(joined).PostAsync(joined.Where with { Thread = null, Message = null }, Introduction.Reply, cancellationToken);
                break;
            case HomeOpened home:
                await Outlet(home).ShowOverviewAsync(home.Where, home.Author, await overview.ComposeAsync(home.Where, Outlet(home), cancellationToken), cancellationToken);
                break;
        }
    }

    private async Task AnswerAsync(BotMentioned mention, CancellationToken cancellationToken)
    {
        var outlet = Outlet(mention);
        var isPrivate = await Source(mention).IsPrivateAsync(mention.Where, cancellationToken);
        mention = mention with { PrivateChannel = isPrivate };
        // In an unwatched channel a mention is answered from what Vigil already read; nothing new is read there.
        if (mention.Where.Thread is not null && await channels.IsWatchedAsync(mention.Where, cancellationToken))
        {
            await intake.BackfillThreadAsync(mention, cancellationToken);
        }

        var answer = await assistant.AnswerQuestionAsync(mention, outlet, cancellationToken);
        var thread = mention.Where.InThread();
        var posted = await outlet.PostAsync(thread, answer.Reply, cancellationToken);
        try
        {
            await sent.RememberAsync(thread with { Message = posted }, answer.Reply, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer is out; failing the event now would post it a second time on the retry. Its buttons still
            // record decisions, they just cannot redraw this message.
            LogNotRemembered(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer was posted but could not be remembered for later redrawing")]
    private static partial void LogNotRemembered(ILogger logger, Exception exception);

    private IConversationChannel Outlet(ConversationEvent e) =>
        outlets.FirstOrDefault(o => o.Platform == e.Where.Platform) ?? throw new InvalidOperationException($"no adapter speaks {e.Where.Platform}");

    private IConversationSource Source(ConversationEvent e) =>
        sources.FirstOrDefault(s => s.Platform == e.Where.Platform) ?? throw new InvalidOperationException($"no adapter reads {e.Where.Platform}");
}
