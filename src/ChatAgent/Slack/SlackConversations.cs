using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Slack.Api;
using Vigil.ChatAgent.Slack.BlockKit;
using Vigil.ChatAgent.Slack.Inbound;

namespace Vigil.ChatAgent.Slack;

/// <summary>
/// The Slack side of the conversation core: renders replies as Block Kit and delivers them (a long report as an
/// uploaded file next to a short message), and reads back files and threads. No threat logic lives here.
/// </summary>
public sealed partial class SlackConversations(SlackApi api, ILogger<SlackConversations> logger) : IConversationChannel, IConversationSource
{
    private const string NoFileInPrivate = "not attached to this private answer, since a file would be shared with the whole channel; /threat report posts the full report in the channel";

    public string Platform => SlackEventTranslator.Platform;

    public async Task<string> PostAsync(ConversationRef where, Reply reply, CancellationToken cancellationToken)
    {
        var message = SlackMessageRenderer.Render(reply);
        var ts = await api.PostMessageAsync(where.Channel, message.Text, message.Blocks, where.Thread, cancellationToken);
        if (message.Upload is { } file)
        {
            try
            {
                await api.UploadFileAsync(where.Channel, where.Thread ?? ts, file.Name, file.Title, file.Content, initialComment: null, cancellationToken);
            }
            catch (Exception e) when (e is SlackRefusedException || IsSlackFailure(e, cancellationToken))
            {
                // The message is out: failing now would make the inbox retry the event and post it a second time.
                LogUploadFailed(logger, where.Channel, e is SlackApiException slack ? slack.Error : e.GetType().Name);
            }
        }

        return ts;
    }

    public async Task UpdateAsync(ConversationRef message, Reply reply, CancellationToken cancellationToken)
    {
        var rendered = SlackMessageRenderer.Render(reply);
        try
        {
            await api.UpdateMessageAsync(message.Channel, message.Message ?? throw new ArgumentException("no message id to update", nameof(message)), rendered.Text, rendered.Blocks, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "message_not_found" or "cant_update_message")
        {
            throw new MessageGoneException($"message {message.Message} in {message.Channel} cannot be edited any more ({e.Error})");
        }
    }

    public async Task PostPrivateAsync(ConversationRef where, string user, Reply reply, CancellationToken cancellationToken)
    {
        var message = SlackMessageRenderer.Render(reply);
        await api.PostEphemeralAsync(where.Channel, user, message.Text, message.Blocks, where.Thread, cancellationToken);
    }

    public async Task RespondAsync(CommandInvoked command, Reply reply, bool visibleToChannel, CancellationToken cancellationToken)
    {
        // A file is shared with the whole channel, so a private answer never carries one.
        var message = visibleToChannel ? SlackMessageRenderer.Render(reply) : SlackMessageRenderer.RenderWithoutFile(reply, NoFileInPrivate);
        if (message.Upload is { } file)
        {
            try
            {
                await api.UploadFileAsync(command.Where.Channel, null, file.Name, file.Title, file.Content, initialComment: null, cancellationToken);
            }
            catch (SlackApiException e) when (e.Error is "not_in_channel" or "channel_not_found")
            {
                // Commands work in channels Vigil was never invited to; the file cannot be shared there.
                LogNoUpload(logger, command.Where.Channel, e.Error);
                message = SlackMessageRenderer.Render(reply with
                {
                    Blocks = [.. reply.Blocks, new Note("I could not attach the file here: invite me to this channel (/invite @Vigil) and ask again.")],
                    File = null,
                });
            }
        }

        if (command.ReplyTo is { } responseUrl)
        {
            var body = new JsonObject
            {
                ["response_type"] = visibleToChannel ? "in_channel" : "ephemeral",
                ["text"] = message.Text,
                ["blocks"] = message.Blocks.DeepClone(),
            };
            try
            {
                await api.RespondAsync(responseUrl, body, cancellationToken);
                return;
            }
            catch (SlackApiException e)
            {
                // A response_url lives 30 minutes and 5 uses (expired_url, used_url); a slow answer still reaches the user.
                LogResponseUrlFailed(logger, command.Where.Channel, e.Error);
            }
        }

        if (visibleToChannel)
        {
            await api.PostMessageAsync(command.Where.Channel, message.Text, message.Blocks, command.Where.Thread, cancellationToken);
        }
        else
        {
            await api.PostEphemeralAsync(command.Where.Channel, command.Author, message.Text, message.Blocks, command.Where.Thread, cancellationToken);
        }
    }

    public Task ShowOverviewAsync(ConversationRef where, string user, Reply reply, CancellationToken cancellationToken) =>
        api.PublishHomeAsync(user, SlackViews.Home(reply), cancellationToken);

    public async Task<string?> LinkAsync(ConversationRef message, CancellationToken cancellationToken)
    {
        if (message.Message is null)
        {
            return null;
        }

        try
        {
            return await api.PermalinkAsync(message.Channel, message.Message, cancellationToken);
        }
        catch (Exception e) when (IsSlackFailure(e, cancellationToken))
        {
            return null;
        }
    }

    public async Task<SharedFile> FetchFileAsync(ConversationRef where, string fileId, long maxBytes, CancellationToken cancellationToken)
    {
        var file = await api.FileInfoAsync(fileId, cancellationToken);
        var bytes = await api.DownloadAsync(file, maxBytes, cancellationToken);
        var transcript = file.Subtype is "slack_audio" or "slack_video" ? file.TranscriptPreview : null;
        return new SharedFile(file.Name ?? fileId, bytes, transcript);
    }

    public async Task<IReadOnlyList<ThreadMessage>> ThreadAsync(ConversationRef thread, CancellationToken cancellationToken)
    {
        var parent = thread.Thread ?? thread.Message ?? throw new ArgumentException("not a thread", nameof(thread));
        IReadOnlyList<SlackMessage> messages;
        try
        {
            messages = await api.RepliesAsync(thread.Channel, parent, cancellationToken);
        }
        catch (Exception e) when (IsSlackFailure(e, cancellationToken))
        {
            // Answering from what Vigil heard beats not answering; a missing history scope is logged for the admin.
            LogNoHistory(logger, thread.Channel, e.Message);
            return [];
        }


        return messages
            .Where(m => m.BotId is null && m.Subtype is null or "thread_broadcast" or "file_share")
            .Select(m => new ThreadMessage(
                new ConversationRef(Platform, thread.Workspace, thread.Channel, m.Ts == parent ? null : parent, m.Ts),
                m.User ?? "",
                m.Text,
                m.Files.Select(f => f.Id).ToList()))
            .ToList();
    }

    public async Task<bool> IsPrivateAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await api.ChannelInfoAsync(where.Channel, cancellationToken);
            return channel.IsPrivate || channel.IsIm;
        }
        catch (Exception e) when (IsSlackFailure(e, cancellationToken))
        {
            // Unsure means private: what was said there must not surface in other channels' answers.
            return true;
        }
    }

    // Slack refused, or could not be reached even after the retries (the last transport failure is not wrapped, and
    // HttpClient's own timeout is a cancellation nobody asked for). Shutdown is not a Slack failure and goes on up.
    private static bool IsSlackFailure(Exception e, CancellationToken cancellationToken) =>
        e is SlackApiException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer at the command's response_url in {Channel} ({Error}); posting in the channel instead")]
    private static partial void LogResponseUrlFailed(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read a thread in {Channel} back: {Reason}")]
    private static partial void LogNoHistory(ILogger logger, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posted a message in {Channel} but could not attach its file: {Error}")]
    private static partial void LogUploadFailed(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not attach a file in {Channel}: {Error}")]
    private static partial void LogNoUpload(ILogger logger, string channel, string error);
}
