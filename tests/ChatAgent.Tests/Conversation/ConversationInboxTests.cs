using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Conversation.State;

namespace Vigil.ChatAgent.Tests.Conversation;

/// <summary>The durable inbox: one event per delivery key, lanes, and arrival order within a thread.</summary>
public sealed class ConversationInboxTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-inbox-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly ConversationInbox inbox;

    public ConversationInboxTests() => inbox = new ConversationInbox(new ConversationDatabase(Path.Combine(folder, "conversation.db")), time);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MessagePosted Said(string thread, string message, string text) =>
        new(new ConversationRef("slack", "T1", "C1", thread, message), "U1", false, text);

    [Fact]
    public async Task A_redelivered_event_is_stored_once()
    {
        Assert.True(await inbox.AcceptAsync("Ev1", Said("1.0", "1.0", "hello"), Cancel));
        Assert.False(await inbox.AcceptAsync("Ev1", Said("1.0", "1.0", "hello"), Cancel));

        Assert.Equal(1, (await inbox.CountsAsync(Cancel))["queued"]);
    }

    [Fact]
    public async Task Answers_and_what_was_said_are_leased_from_their_own_lanes()
    {
        await inbox.AcceptAsync("Ev1", new BotMentioned(new ConversationRef("slack", "T1", "C1", "1.0", "2.0"), "U1", false, "risks?"), Cancel);
        await inbox.AcceptAsync("Ev2", Said("1.0", "3.0", "more design"), Cancel);

        Assert.IsType<MessagePosted>((await inbox.LeaseAsync(InboxLane.Said, Cancel))!.Event);
        Assert.IsType<BotMentioned>((await inbox.LeaseAsync(InboxLane.Answer, Cancel))!.Event);
    }

    [Fact]
    public async Task An_edit_waits_while_the_message_it_edits_waits_for_a_retry_but_other_threads_go_ahead()
    {
        await inbox.AcceptAsync("Ev1", Said("1.0", "2.0", "first version"), Cancel);
        await inbox.AcceptAsync("Ev2", new MessageEdited(new ConversationRef("slack", "T1", "C1", "1.0", "2.0"), "U1", false, "second version"), Cancel);
        await inbox.AcceptAsync("Ev3", Said("9.0", "9.0", "another thread"), Cancel);

        var first = (await inbox.LeaseAsync(InboxLane.Said, Cancel))!;
        await inbox.RetryLaterAsync(first, "Slack was down", TimeSpan.FromSeconds(30), Cancel);
        var next = await inbox.LeaseAsync(InboxLane.Said, Cancel);

        Assert.Equal("Ev3", next!.DedupeKey);
        Assert.Null(await inbox.LeaseAsync(InboxLane.Said, Cancel));
        time.Advance(TimeSpan.FromSeconds(31));
        await inbox.CompleteAsync(next, Cancel);
        Assert.Equal("Ev1", (await inbox.LeaseAsync(InboxLane.Said, Cancel))!.DedupeKey);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
