using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Slack.Inbound;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Slack's event payloads (slack.md §2.4) as neutral conversation events.</summary>
public sealed class SlackEventTranslatorTests
{
    private static (IReadOnlyList<TranslatedEvent> Events, string? Ignored) Translate(JsonObject inner) =>
        SlackEventTranslator.Translate(JsonDocument.Parse(new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["api_app_id"] = "A1",
            ["event_id"] = "Ev1",
            ["event"] = inner,
            ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U-BOT", ["is_bot"] = true }),
        }.ToJsonString()).RootElement);

    [Fact]
    public void A_thread_reply_is_posted_in_its_thread_with_slack_markup_decoded()
    {
        var (events, _) = Translate(new JsonObject { ["type"] = "message", ["channel"] = "C1", ["user"] = "U1", ["ts"] = "2.0", ["thread_ts"] = "1.0", ["channel_type"] = "channel", ["text"] = "api -&gt; db, see <https://wiki.example/x|the wiki>" });

        var posted = Assert.IsType<MessagePosted>(Assert.Single(events).Event);
        Assert.Equal(new ConversationRef("slack", "T1", "C1", "1.0", "2.0"), posted.Where);
        Assert.Equal("api -> db, see the wiki (https://wiki.example/x)", posted.Text);
        Assert.False(posted.PrivateChannel);
        Assert.Equal("Ev1", events[0].DedupeKey);
    }

    [Theory]
    [InlineData("group")]
    [InlineData("im")]
    [InlineData(null)]
    public void Anything_but_a_public_channel_counts_as_private(string? channelType)
    {
        var (events, _) = Translate(new JsonObject { ["type"] = "message", ["channel"] = "G1", ["user"] = "U1", ["ts"] = "2.0", ["channel_type"] = channelType, ["text"] = "hello" });

        Assert.True(Assert.Single(events).Event.PrivateChannel);
    }

    [Fact]
    public void Vigils_own_messages_and_other_bots_are_ignored()
    {
        Assert.Empty(Translate(new JsonObject { ["type"] = "message", ["channel"] = "C1", ["user"] = "U-BOT", ["ts"] = "2.0", ["text"] = "Risk summary" }).Events);
        Assert.Empty(Translate(new JsonObject { ["type"] = "message", ["channel"] = "C1", ["bot_id"] = "B9", ["ts"] = "2.0", ["text"] = "deploy done" }).Events);
        Assert.Empty(Translate(new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["channel"] = "C1", ["ts"] = "2.0", ["text"] = "x" }).Events);
    }

    [Fact]
    public void A_mention_loses_the_bots_own_mention_but_keeps_others()
    {
        var (events, _) = Translate(new JsonObject { ["type"] = "app_mention", ["channel"] = "C1", ["user"] = "U1", ["ts"] = "3.0", ["thread_ts"] = "1.0", ["text"] = "<@U-BOT> what does <@U2> risk here?" });

        var mention = Assert.IsType<BotMentioned>(Assert.Single(events).Event);
        Assert.Equal("what does <@U2> risk here?", mention.Text);
        Assert.Equal("1.0", mention.Where.Thread);
    }

    [Fact]
    public void An_edit_replaces_the_text_but_an_unfurl_without_a_text_change_is_ignored()
    {
        JsonObject Changed(string before, string after) => new()
        {
            ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = "C1", ["ts"] = "9.0", ["channel_type"] = "channel",
            ["message"] = new JsonObject { ["user"] = "U1", ["ts"] = "2.0", ["thread_ts"] = "1.0", ["text"] = after },
            ["previous_message"] = new JsonObject { ["user"] = "U1", ["ts"] = "2.0", ["thread_ts"] = "1.0", ["text"] = before },
        };

        var edited = Assert.IsType<MessageEdited>(Assert.Single(Translate(Changed("no auth yet", "we added OIDC")).Events).Event);
        Assert.Equal(("2.0", "we added OIDC"), (edited.Where.Message, edited.Text));
        Assert.NotNull(Translate(Changed("same", "same")).Ignored);
    }

    [Fact]
    public void A_deletion_points_to_the_deleted_message_in_its_thread()
    {
        var (events, _) = Translate(new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_deleted", ["channel"] = "C1", ["ts"] = "9.0", ["deleted_ts"] = "2.0", ["channel_type"] = "channel",
            ["previous_message"] = new JsonObject { ["user"] = "U1", ["ts"] = "2.0", ["thread_ts"] = "1.0", ["text"] = "old" },
        });

        var deleted = Assert.IsType<MessageDeleted>(Assert.Single(events).Event);
        Assert.Equal(new ConversationRef("slack", "T1", "C1", "1.0", "2.0"), deleted.Where);
    }

    [Fact]
    public void Files_in_a_message_and_a_bare_file_shared_event_share_one_key_per_file()
    {
        var share = Translate(new JsonObject
        {
            ["type"] = "message", ["subtype"] = "file_share", ["channel"] = "C1", ["user"] = "U1", ["ts"] = "2.0", ["thread_ts"] = "1.0", ["channel_type"] = "channel", ["text"] = "",
            ["files"] = new JsonArray(new JsonObject { ["id"] = "F1", ["name"] = "board.png" }),
        }).Events;
        var bare = Translate(new JsonObject { ["type"] = "file_shared", ["channel_id"] = "C1", ["file_id"] = "F1", ["user_id"] = "U1" }).Events;

        var placed = Assert.IsType<FileShared>(Assert.Single(share).Event);
        Assert.Equal(("F1", true, "1.0"), (placed.FileId, placed.Placed, placed.Where.Thread));
        Assert.Equal(Places.FileKey("T1", "F1"), share[0].DedupeKey);
        var unplaced = Assert.IsType<FileShared>(Assert.Single(bare).Event);
        Assert.False(unplaced.Placed);
        Assert.True(bare[0].Delay > TimeSpan.Zero);
    }

    [Fact]
    public void Unknown_events_are_ignored_with_a_reason() =>
        Assert.Contains("reaction_added", Translate(new JsonObject { ["type"] = "reaction_added" }).Ignored, StringComparison.Ordinal);
}
