using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Vigil.ChatAgent.Slack.Http;

/// <summary>
/// Slack's three Request URLs. Each reads the raw body (bounded), checks the v0 signature, parses, and hands the
/// payload to <see cref="ISlackInbound"/>, which only stores it: the answer goes back well inside Slack's 3 seconds.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/events", HandleEventsAsync);
        app.MapPost("/slack/commands", HandleCommandsAsync);
        app.MapPost("/slack/interactions", HandleInteractionsAsync);
        return app;
    }

    private static async Task<IResult> HandleEventsAsync(HttpContext context, ISlackInbound inbound, SlackRequestReader reader)
    {
        var (body, refusal) = await reader.ReadVerifiedAsync(context, "events");
        if (refusal is not null)
        {
            return refusal;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return reader.BadRequest("events", $"the body is not JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return reader.BadRequest("events", "the body is not a JSON object");
            }

            var ack = await inbound.AcceptEventAsync(document.RootElement, context.RequestAborted);
            return ack.Kind == SlackAckKind.Challenge ? Results.Json(new { challenge = ack.Challenge }) : Results.Ok();
        }
    }

    private static async Task<IResult> HandleCommandsAsync(HttpContext context, ISlackInbound inbound, SlackRequestReader reader)
    {
        var (body, refusal) = await reader.ReadVerifiedAsync(context, "commands");
        if (refusal is not null)
        {
            return refusal;
        }

        var fields = Form(body);
        var response = await inbound.AcceptCommandAsync(fields, context.RequestAborted);
        return response is null ? Results.Ok() : Results.Json(response);
    }

    private static async Task<IResult> HandleInteractionsAsync(HttpContext context, ISlackInbound inbound, SlackRequestReader reader)
    {
        var (body, refusal) = await reader.ReadVerifiedAsync(context, "interactions");
        if (refusal is not null)
        {
            return refusal;
        }

        if (!Form(body).TryGetValue("payload", out var payload))
        {
            return reader.BadRequest("interactions", "the form has no payload field");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            return reader.BadRequest("interactions", $"the payload is not JSON ({e.Message})");
        }

        using (document)
        {
            var response = await inbound.AcceptInteractionAsync(document.RootElement, context.RequestAborted);
            return response is null ? Results.Ok() : Results.Json(response);
        }
    }

    private static Dictionary<string, string> Form(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
