using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Vigil.ChatAgent.EndToEnd.Tests.Fakes;

// The Web API methods, answered the way Slack answers them (slack.md §6). Called under `gate`.
public sealed partial class FakeSlackServer
{
    private JsonObject Answer(string method, JsonObject arguments) => method switch
    {
        "auth.test" => Ok(new()
        {
            ["url"] = "https://fake.slack.test/", ["team"] = "Fake", ["user"] = "vigil",
            ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId,
        }),
        "chat.postMessage" => PostMessage(arguments),
        "chat.update" => UpdateMessage(arguments),
        "chat.postEphemeral" => PostEphemeral(arguments),
        "chat.getPermalink" => Permalink(arguments),
        "conversations.replies" => Replies(arguments),
        "conversations.history" => History(arguments),
        "conversations.info" => Text(arguments, "channel") is { } channel
            ? Ok(new() { ["channel"] = channels.TryGetValue(channel, out var c) ? c.DeepClone() : ChannelJson(channel, "general", isPrivate: false) })
            : Error("channel_not_found"),
        "users.info" => Text(arguments, "user") is { } user
            ? Ok(new() { ["user"] = users.TryGetValue(user, out var u) ? u.DeepClone() : DefaultUser(user) })
            : Error("user_not_found"),
        "files.info" => Text(arguments, "file") is { } id && files.TryGetValue(id, out var file)
            ? Ok(new() { ["file"] = FileJson(file) })
            : Error("file_not_found"),
        "files.getUploadURLExternal" => UploadUrl(arguments),
        "files.completeUploadExternal" => CompleteUpload(arguments),
        "views.open" => OpenView(arguments),
        "views.publish" => PublishHome(arguments),
        "files.upload" => Error("method_deprecated"),
        _ => Error("unknown_method"),
    };

    private JsonObject PostMessage(JsonObject arguments)
    {
        if (Text(arguments, "channel") is not { } channel)
        {
            return Error("channel_not_found");
        }

        if (Text(arguments, "text") is null && arguments["blocks"] is null)
        {
            return Error("no_text");
        }

        var ts = NextTs();
        var message = new FakeSlackMessage(
            channel, ts, Text(arguments, "thread_ts"), BotUserId, BotId, Text(arguments, "text") ?? "", Blocks(arguments), []);
        messages.Add(message);
        return Ok(new() { ["channel"] = channel, ["ts"] = ts, ["message"] = MessageJson(message) });
    }

    private JsonObject UpdateMessage(JsonObject arguments)
    {
        var channel = Text(arguments, "channel");
        var ts = Text(arguments, "ts");
        var index = messages.FindIndex(m => m.Channel == channel && m.Ts == ts);
        if (index < 0)
        {
            return Error("message_not_found");
        }

        var updated = messages[index] with { Text = Text(arguments, "text") ?? messages[index].Text, Blocks = Blocks(arguments) ?? messages[index].Blocks };
        messages[index] = updated;
        return Ok(new() { ["channel"] = channel, ["ts"] = ts, ["text"] = updated.Text });
    }

    private JsonObject PostEphemeral(JsonObject arguments)
    {
        if (Text(arguments, "channel") is not { } channel || Text(arguments, "user") is not { } user)
        {
            return Error(Text(arguments, "channel") is null ? "channel_not_found" : "user_not_in_channel");
        }

        var ts = NextTs();
        ephemerals.Add(new FakeSlackMessage(channel, ts, Text(arguments, "thread_ts"), user, BotId, Text(arguments, "text") ?? "", Blocks(arguments), []));
        return Ok(new() { ["message_ts"] = ts });
    }

    private static JsonObject Permalink(JsonObject arguments) =>
        Text(arguments, "channel") is { } channel && Text(arguments, "message_ts") is { } ts
            ? Ok(new() { ["channel"] = channel, ["permalink"] = $"https://fake.slack.test/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}" })
            : Error("message_not_found");

    private JsonObject Replies(JsonObject arguments)
    {
        var channel = Text(arguments, "channel");
        var ts = Text(arguments, "ts");
        var thread = messages
            .Where(m => m.Channel == channel && (m.Ts == ts || m.ThreadTs == ts))
            .OrderBy(m => TsValue(m.Ts))
            .ToList();
        return thread.Count == 0 ? Error("thread_not_found") : Page(thread, arguments);
    }

    // Newest first, top-level messages only, after `oldest` (exclusive) when given: as Slack pages history.
    private JsonObject History(JsonObject arguments)
    {
        var channel = Text(arguments, "channel");
        var oldest = Text(arguments, "oldest") is { } o ? TsValue(o) : decimal.MinValue;
        var top = messages
            .Where(m => m.Channel == channel && m.IsTopLevel && TsValue(m.Ts) > oldest)
            .OrderByDescending(m => TsValue(m.Ts))
            .ToList();
        return Page(top, arguments);
    }

    private JsonObject Page(List<FakeSlackMessage> all, JsonObject arguments)
    {
        var limit = Math.Clamp(int.TryParse(Text(arguments, "limit"), out var asked) ? asked : 100, 1, MaxPageSize);
        var start = Text(arguments, "cursor") is { Length: > 0 } cursor ? DecodeCursor(cursor) : 0;
        var page = all.Skip(start).Take(limit).ToList();
        var next = start + page.Count < all.Count ? EncodeCursor(start + page.Count) : "";
        return Ok(new()
        {
            ["messages"] = new JsonArray([.. page.Select(m => (JsonNode)MessageJson(m))]),
            ["has_more"] = next.Length > 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private JsonObject UploadUrl(JsonObject arguments)
    {
        if (Text(arguments, "filename") is not { Length: > 0 } fileName || !long.TryParse(Text(arguments, "length"), out var length))
        {
            return Error("invalid_arguments");
        }

        var id = NextId("F");
        pendingUploads[id] = (fileName, length);
        return Ok(new() { ["upload_url"] = new Uri(BaseUrl, $"upload/{id}").AbsoluteUri, ["file_id"] = id });
    }

    private JsonObject CompleteUpload(JsonObject arguments)
    {
        var list = arguments["files"] switch
        {
            JsonArray array => array,
            JsonValue value when value.TryGetValue<string>(out var json) => JsonNode.Parse(json) as JsonArray,
            _ => null,
        };
        if (list is null || list.Count == 0)
        {
            return Error("invalid_arguments");
        }

        var completed = new JsonArray();
        var ids = new List<string>();
        foreach (var entry in list)
        {
            var id = entry?["id"]?.GetValue<string>() ?? "";
            var upload = uploads.LastOrDefault(u => u.FileId == id);
            if (upload is null || !pendingUploads.Remove(id, out var pending))
            {
                return Error("file_not_found");
            }

            var title = entry?["title"]?.GetValue<string>() ?? pending.FileName;
            files[id] = new FakeSlackFile(id, pending.FileName, "application/octet-stream", upload.Bytes, null, null, title);
            ids.Add(id);
            completed.Add(new JsonObject { ["id"] = id, ["title"] = title, ["name"] = pending.FileName });
        }

        if (Text(arguments, "channel_id") is { } channel)
        {
            messages.Add(new FakeSlackMessage(
                channel, NextTs(), Text(arguments, "thread_ts"), BotUserId, BotId, Text(arguments, "initial_comment") ?? "", null, ids));
        }

        return Ok(new() { ["files"] = completed });
    }

    private JsonObject OpenView(JsonObject arguments)
    {
        if (Text(arguments, "trigger_id") is null || arguments["view"] is not JsonObject view)
        {
            return Error("invalid_arguments");
        }

        openedViews.Add((JsonObject)view.DeepClone());
        return Ok(new() { ["view"] = new JsonObject { ["id"] = NextId("V") } });
    }

    private JsonObject PublishHome(JsonObject arguments)
    {
        if (Text(arguments, "user_id") is not { } user || arguments["view"] is not JsonObject view)
        {
            return Error("invalid_arguments");
        }

        homeViews[user] = (JsonObject)view.DeepClone();
        return Ok(new() { ["view"] = new JsonObject { ["id"] = NextId("V") } });
    }

    // Real Slack serves a file only with a token that may read it; otherwise its sign-in page, with HTTP 200.
    private IResult ServeFile(HttpContext context, string id)
    {
        Record($"files/{id}", context.Request, []);
        if (TakeFault($"files/{id}") is { } fault)
        {
            return fault(context);
        }

        if (!HasBotToken(context.Request))
        {
            return Results.Content("<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>", "text/html", Encoding.UTF8);
        }

        lock (gate)
        {
            return files.TryGetValue(id, out var file) ? Results.Bytes(file.Bytes, file.Mimetype) : Results.NotFound();
        }
    }

    private async Task<IResult> ReceiveUploadAsync(HttpContext context, string id)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Record($"upload/{id}", context.Request, new JsonObject { ["length"] = body.Length });
        if (TakeFault($"upload/{id}") is { } fault)
        {
            return fault(context);
        }

        lock (gate)
        {
            if (!pendingUploads.TryGetValue(id, out var pending))
            {
                return Results.NotFound();
            }

            var authorization = context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString();
            uploads.Add(new FakeSlackUpload(id, pending.FileName, body.ToArray(), authorization));
        }

        return Results.Text($"OK - {body.Length}");
    }

    private async Task<IResult> ReceiveResponseAsync(HttpContext context, string id)
    {
        var message = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        Record($"hooks/{id}", context.Request, message);
        if (TakeFault($"hooks/{id}") is { } fault)
        {
            return fault(context);
        }

        lock (gate)
        {
            var authorization = context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString();
            responses.Add(new FakeSlackResponse(id, authorization, (JsonObject)message.DeepClone()));
        }

        return Results.Text("ok");
    }

    private JsonObject MessageJson(FakeSlackMessage message)
    {
        var json = new JsonObject { ["type"] = "message", ["ts"] = message.Ts, ["user"] = message.User, ["text"] = message.Text };
        if (message.ThreadTs is not null)
        {
            json["thread_ts"] = message.ThreadTs;
        }

        if (message.BotId is not null)
        {
            json["bot_id"] = message.BotId;
        }

        if (message.Blocks is not null)
        {
            json["blocks"] = message.Blocks.DeepClone();
        }

        if (message.FileIds.Count > 0)
        {
            json["files"] = new JsonArray([.. message.FileIds.Where(files.ContainsKey).Select(id => (JsonNode)FileJson(files[id]))]);
            json["subtype"] = "file_share";
        }

        return json;
    }

    private JsonObject FileJson(FakeSlackFile file)
    {
        var url = (file.DownloadUrl ?? FileUrl(file.Id)).AbsoluteUri;
        var json = new JsonObject
        {
            ["id"] = file.Id,
            ["name"] = file.Name,
            ["title"] = file.Title ?? file.Name,
            ["mimetype"] = file.Mimetype,
            ["filetype"] = Path.GetExtension(file.Name).TrimStart('.'),
            ["size"] = file.Bytes.Length,
            ["url_private"] = url,
            ["url_private_download"] = url,
        };
        if (file.Subtype is not null)
        {
            json["subtype"] = file.Subtype;
        }

        if (file.Transcript is not null)
        {
            json["transcription"] = new JsonObject
            {
                ["status"] = "complete",
                ["preview"] = new JsonObject { ["content"] = file.Transcript, ["has_more"] = false },
            };
        }

        return json;
    }

    private JsonObject DefaultUser(string id) => new()
    {
        ["id"] = id, ["name"] = $"user-{id.ToLowerInvariant()}", ["real_name"] = $"User {id}", ["is_bot"] = id == BotUserId, ["team_id"] = TeamId,
    };

    private static JsonObject Ok(JsonObject answer)
    {
        answer["ok"] = true;
        return answer;
    }

    private static string? Text(JsonObject arguments, string name) => arguments[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    // Blocks arrive as an array in JSON bodies and as a JSON string in form posts.
    private static JsonArray? Blocks(JsonObject arguments) => arguments["blocks"] switch
    {
        JsonArray array => (JsonArray)array.DeepClone(),
        JsonValue value when value.TryGetValue<string>(out var json) => JsonNode.Parse(json) as JsonArray,
        _ => null,
    };

    private static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int DecodeCursor(string cursor) =>
        int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))["offset:".Length..], CultureInfo.InvariantCulture);
}
