using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.Api;

// Writing to channels: every post and edit takes its turn in the channel's lane (ChannelPostGate).
public sealed partial class SlackApi
{
    /// <summary>chat.postMessage; <paramref name="text"/> is also the notification fallback when blocks are given. Returns the new ts.</summary>
    public Task<string> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken) =>
        postGate.RunAsync(
            channel,
            async () =>
            {
                var body = MessageBody(channel, text, blocks);
                body.AddIfSet("thread_ts", threadTs);
                var answer = await PostJsonAsync("chat.postMessage", body, cancellationToken);
                return answer.Text("ts") ?? throw new SlackApiException("chat.postMessage", "no_ts_in_answer");
            },
            cancellationToken);

    /// <summary>chat.update: replaces the text and blocks of a message the bot posted.</summary>
    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken) =>
        postGate.RunAsync(
            channel,
            async () =>
            {
                var body = MessageBody(channel, text, blocks);
                body["ts"] = ts;
                return await PostJsonAsync("chat.update", body, cancellationToken);
            },
            cancellationToken);

    /// <summary>chat.postEphemeral: a message only <paramref name="user"/> sees, and only while their client is open.</summary>
    public Task PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken) =>
        postGate.RunAsync(
            channel,
            async () =>
            {
                var body = MessageBody(channel, text, blocks);
                body["user"] = user;
                body.AddIfSet("thread_ts", threadTs);
                return await PostJsonAsync("chat.postEphemeral", body, cancellationToken);
            },
            cancellationToken);

    private static JsonObject MessageBody(string channel, string text, JsonArray? blocks)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (blocks is not null)
        {
            // The caller's array may already belong to another JSON tree; a node has only one parent.
            body["blocks"] = blocks.DeepClone();
        }

        return body;
    }
}

internal static class JsonObjectExtensions
{
    public static void AddIfSet(this JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body[name] = value;
        }
    }
}
