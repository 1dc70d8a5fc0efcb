using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.EndToEnd.Tests.Fakes;

/// <summary>
/// One request the fake Slack received: the Web API method (or <c>files/…</c>, <c>upload/…</c>, <c>hooks/…</c>), the
/// HTTP verb, its Authorization header, its arguments and when it arrived (time since the fake started).
/// </summary>
public sealed record FakeSlackCall(string Method, string Verb, string? Authorization, JsonObject Arguments, string? ContentType, TimeSpan ReceivedAt)
{
    public string? Argument(string name) => Arguments[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };
}

/// <summary>A message as the fake stores it.</summary>
public sealed record FakeSlackMessage(
    string Channel, string Ts, string? ThreadTs, string? User, string? BotId, string Text, JsonArray? Blocks, IReadOnlyList<string> FileIds)
{
    public bool IsTopLevel => ThreadTs is null || ThreadTs == Ts;
}

/// <summary>A file the fake knows (seeded, or completed through the upload flow).</summary>
public sealed record FakeSlackFile(
    string Id, string Name, string Mimetype, byte[] Bytes, string? Subtype, Uri? DownloadUrl, string? Title = null, string? Transcript = null);

/// <summary>The raw request to an upload URL (step 2 of the upload flow).</summary>
public sealed record FakeSlackUpload(string FileId, string? FileName, byte[] Bytes, string? Authorization);

/// <summary>A message POSTed to a response_url.</summary>
public sealed record FakeSlackResponse(string HookId, string? Authorization, JsonObject Message);
