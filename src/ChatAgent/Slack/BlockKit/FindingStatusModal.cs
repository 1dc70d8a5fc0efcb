using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>
/// The modal that asks why a finding is mitigated, accepted or a false positive (and, for an accepted risk, until
/// when). Which finding and which status travel in <c>private_metadata</c>, which the caller writes and reads.
/// </summary>
public static class FindingStatusModal
{
    public const string CallbackId = "vigil.finding_status";
    public const string ReasonBlockId = "reason";
    public const string ReasonActionId = "reason";
    public const string ExpiresBlockId = "expires";
    public const string ExpiresActionId = "expires";

    public static JsonObject Build(string findingId, string findingTitle, FindingStatus status, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(privateMetadata);
        if (privateMetadata.Length > BlockKitLimits.PrivateMetadata)
        {
            throw new ArgumentException(
                $"Slack keeps at most {BlockKitLimits.PrivateMetadata} chars of private_metadata; this is {privateMetadata.Length}.",
                nameof(privateMetadata));
        }

        var (title, lead, placeholder) = Wording(status);
        var blocks = new JsonArray
        {
            BlockJson.Section(Mrkdwn.Fit($"{lead} {Naming(findingId, findingTitle)}", BlockKitLimits.SectionText, out _)),
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = ReasonBlockId,
                ["label"] = BlockJson.PlainText("Reason", BlockKitLimits.HeaderText),
                ["element"] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = ReasonActionId,
                    ["multiline"] = true,
                    ["max_length"] = BlockKitLimits.InputValue,
                    ["placeholder"] = BlockJson.PlainText(placeholder, BlockKitLimits.Placeholder),
                },
            },
        };

        if (status == FindingStatus.Accepted)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = ExpiresBlockId,
                ["optional"] = true,
                ["label"] = BlockJson.PlainText("Accept until", BlockKitLimits.HeaderText),
                ["hint"] = BlockJson.PlainText("Accepted until the end of this day (UTC); then the finding reopens. Leave empty for no end date.", BlockKitLimits.HeaderText),
                ["element"] = new JsonObject
                {
                    ["type"] = "datepicker",
                    ["action_id"] = ExpiresActionId,
                    ["placeholder"] = BlockJson.PlainText("Pick a date", BlockKitLimits.Placeholder),
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = BlockJson.PlainText(title, BlockKitLimits.ViewTitle),
            ["submit"] = BlockJson.PlainText("Record", BlockKitLimits.ViewTitle),
            ["close"] = BlockJson.PlainText("Cancel", BlockKitLimits.ViewTitle),
            ["private_metadata"] = privateMetadata,
            ["blocks"] = blocks,
        };
    }

    /// <summary>Reads the reason and expiry from a <c>view_submission</c>'s <c>view</c> (its <c>state.values</c>).</summary>
    public static FindingStatusForm Read(JsonElement view)
    {
        if (view.ValueKind == JsonValueKind.Object && view.TryGetProperty("view", out var inner))
        {
            // Handed the whole view_submission payload rather than its view: read the view inside.
            view = inner;
        }

        var reason = Value(view, ReasonBlockId, ReasonActionId, "value")?.Trim() ?? "";
        var date = Value(view, ExpiresBlockId, ExpiresActionId, "selected_date");
        DateOnly? expires = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
        return new FindingStatusForm(reason, expires);
    }

    /// <summary>The acknowledgement that keeps the modal open and shows <paramref name="message"/> under the reason field.</summary>
    public static JsonObject Errors(string message) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [ReasonBlockId] = message },
    };

    private static (string Title, string Lead, string Placeholder) Wording(FindingStatus status) => status switch
    {
        FindingStatus.Accepted => ("Accept risk", "Accepting the risk of", "Why is this risk acceptable, and who agreed?"),
        FindingStatus.Mitigated => ("Mark mitigated", "Marking as mitigated:", "What fixed it? A PR, a config change, a control…"),
        FindingStatus.FalsePositive => ("False positive", "Marking as a false positive:", "Why does this not apply to the design?"),
        _ => ("Reopen finding", "Reopening", "Why should this be looked at again?"),
    };

    // A caller that only has the id (a button press carries no title) passes it as the title too.
    private static string Naming(string findingId, string findingTitle)
    {
        var title = TextFit.OneLine(findingTitle);
        var id = $"`{Mrkdwn.Escape(findingId)}`";
        return title.Length == 0 || title == findingId ? id : $"*{Mrkdwn.Escape(title)}* ({id})";
    }

    private static string? Value(JsonElement view, string blockId, string actionId, string field) =>
        view.ValueKind == JsonValueKind.Object
        && view.TryGetProperty("state", out var state)
        && state.TryGetProperty("values", out var values)
        && values.TryGetProperty(blockId, out var block)
        && block.TryGetProperty(actionId, out var action)
        && action.TryGetProperty(field, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
