using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Conversation;

/// <summary>What Vigil says once when it is invited to a channel: what it does there and how to stop it.</summary>
public static class Introduction
{
    public static Reply Reply { get; } = new(
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
}
