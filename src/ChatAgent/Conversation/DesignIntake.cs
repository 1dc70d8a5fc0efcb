using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Conversation.State;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Queue;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// What was said in a watched channel becomes the design: messages, edits and shared files go to ingestion with
/// their thread and scope, deletions make them stop counting, and a thread Vigil missed is read back on demand.
/// </summary>
public sealed partial class DesignIntake(
    IngestionInbox ingestion,
    DesignRecords records,
    ConversationInbox inbox,
    ChannelSettings channels,
    ThreadPlaces places,
    IEnumerable<IConversationSource> sources,
    DecodeLimits limits,
    ILogger<DesignIntake> logger)
{
    public async Task IngestMessageAsync(ConversationEvent message, string text, CancellationToken cancellationToken)
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
    public async Task ForgetAsync(MessageDeleted deleted, CancellationToken cancellationToken)
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

    public async Task IngestFileAsync(FileShared file, CancellationToken cancellationToken)
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
        if (shared.PlatformTranscript is { Length: > 0 } transcript)
        {
            // What was said in a voice clip counts at once, even where no Whisper model is installed; Vigil's own
            // transcript of the audio joins it when it can make one.
            await ingestion.AcceptAsync(IngestRequest.Message(scope, $"{source}#transcript", transcript, file.Author), cancellationToken);
        }
    }

    /// <summary>
    /// A thread that began before Vigil was invited (or while it was away) is read whole before answering. Messages
    /// already ingested are recognised by their content and place, so reading them again costs nothing.
    /// </summary>
    public async Task BackfillThreadAsync(BotMentioned mention, CancellationToken cancellationToken)
    {
        IReadOnlyList<ThreadMessage> messages;
        try
        {
            messages = await Source(mention).ThreadAsync(mention.Where.InThread(), cancellationToken);
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

    private IConversationSource Source(ConversationEvent e) =>
        sources.FirstOrDefault(s => s.Platform == e.Where.Platform) ?? throw new InvalidOperationException($"no adapter reads {e.Where.Platform}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the whole thread in {Channel} before answering: {Reason}")]
    private static partial void LogBackfillFailed(ILogger logger, string channel, string reason);
}
