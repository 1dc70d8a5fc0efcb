using System.Text.Json.Serialization;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// What an adapter hands the core, whatever the platform: adapters translate their own payloads into these and
/// hold no threat logic. <paramref name="Author"/> is the platform's user id.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MessagePosted), "message")]
[JsonDerivedType(typeof(MessageEdited), "edited")]
[JsonDerivedType(typeof(MessageDeleted), "deleted")]
[JsonDerivedType(typeof(FileShared), "file")]
[JsonDerivedType(typeof(BotMentioned), "mention")]
[JsonDerivedType(typeof(CommandInvoked), "command")]
[JsonDerivedType(typeof(FindingStatusChanged), "status")]
[JsonDerivedType(typeof(BotJoined), "joined")]
[JsonDerivedType(typeof(HomeOpened), "home")]
public abstract record ConversationEvent(ConversationRef Where, string Author, bool PrivateChannel);

/// <summary>A message in a watched channel or thread (a thread reply has <see cref="ConversationRef.Thread"/> set).</summary>
public sealed record MessagePosted(ConversationRef Where, string Author, bool PrivateChannel, string Text) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>A message was edited: the new text replaces the old one in the design record and the index.</summary>
public sealed record MessageEdited(ConversationRef Where, string Author, bool PrivateChannel, string Text) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>A message was deleted: what it said no longer counts.</summary>
public sealed record MessageDeleted(ConversationRef Where, string Author, bool PrivateChannel) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>A file (spec, doc, whiteboard photo, voice note) shared in a message; the adapter fetches its bytes by <paramref name="FileId"/>.</summary>
/// <param name="Placed">False when the platform did not say which message carried the file (Slack's file_shared event): it is used only if no message brings the same file.</param>
public sealed record FileShared(ConversationRef Where, string Author, bool PrivateChannel, string FileId, string? FileName, bool Placed = true) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>Someone addressed Vigil ("@Vigil what are the risks here?"); the mention itself is already removed from <paramref name="Text"/>.</summary>
public sealed record BotMentioned(ConversationRef Where, string Author, bool PrivateChannel, string Text) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>A command (<c>/threat report</c>): <paramref name="Text"/> is everything after the command name.</summary>
/// <param name="ReplyTo">Where the platform wants the answer delivered (Slack's response_url), if anywhere special.</param>
public sealed record CommandInvoked(ConversationRef Where, string Author, bool PrivateChannel, string Text, string? ReplyTo) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>A human decided about a finding (a button and its "why" dialog, or a command).</summary>
/// <param name="Summary">The message holding the finding's buttons, to update once the decision is recorded.</param>
public sealed record FindingStatusChanged(
    ConversationRef Where,
    string Author,
    bool PrivateChannel,
    string FindingId,
    FindingStatus Status,
    string Reason,
    DateTimeOffset? ExpiresAt,
    ConversationRef? Summary) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>Vigil joined a channel (say hello and how to use it).</summary>
public sealed record BotJoined(ConversationRef Where, string Author, bool PrivateChannel) : ConversationEvent(Where, Author, PrivateChannel);

/// <summary>Someone opened Vigil's home (Slack App Home): show the workspace's risk overview.</summary>
public sealed record HomeOpened(ConversationRef Where, string Author) : ConversationEvent(Where, Author, PrivateChannel: true);
