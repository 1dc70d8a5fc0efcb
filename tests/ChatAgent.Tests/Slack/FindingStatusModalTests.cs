using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.ChatAgent.Slack.BlockKit;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Slack;

public sealed class FindingStatusModalTests
{
    private const string Metadata = """{"workspace":"T111","channel":"C111","ts":"1700000000.000100","finding":"F-1a2b3c4d","status":"Accepted"}""";

    [Fact]
    public void The_accept_risk_modal_asks_why_and_offers_an_optional_expiry_date()
    {
        var view = FindingStatusModal.Build("F-1a2b3c4d", "Reports API has no authentication", FindingStatus.Accepted, Metadata);

        Assert.Equal("modal", (string)view["type"]!);
        Assert.Equal("vigil.finding_status", (string)view["callback_id"]!);
        Assert.Equal("Accept risk", (string)view["title"]!["text"]!);
        Assert.Equal("Record", (string)view["submit"]!["text"]!);
        Assert.Equal("Cancel", (string)view["close"]!["text"]!);
        Assert.Equal(Metadata, (string)view["private_metadata"]!);
        var blocks = view["blocks"]!.AsArray();
        BlockKitShape.AssertValid(blocks, maxBlocks: 100);
        Assert.Contains("*Reports API has no authentication*", Sample.TextOf(blocks[0]!));
        var reason = blocks[1]!;
        Assert.Equal(("input", "reason"), ((string)reason["type"]!, (string)reason["block_id"]!));
        Assert.Equal("plain_text_input", (string)reason["element"]!["type"]!);
        Assert.Equal("reason", (string)reason["element"]!["action_id"]!);
        Assert.True((bool)reason["element"]!["multiline"]!);
        Assert.Contains("Why", (string)reason["element"]!["placeholder"]!["text"]!);
        var expires = blocks[2]!;
        Assert.Equal(("input", "expires"), ((string)expires["type"]!, (string)expires["block_id"]!));
        Assert.True((bool)expires["optional"]!);
        Assert.Equal(("datepicker", "expires"), ((string)expires["element"]!["type"]!, (string)expires["element"]!["action_id"]!));
    }

    [Fact]
    public void The_expiry_hint_says_the_risk_stays_accepted_through_the_chosen_day_in_utc()
    {
        var view = FindingStatusModal.Build("F-1a2b3c4d", "Reports API has no authentication", FindingStatus.Accepted, Metadata);

        var hint = (string)view["blocks"]![2]!["hint"]!["text"]!;

        Assert.Contains("until the end of this day (UTC)", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("reopens on this day", hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FindingStatus.Mitigated, "Mark mitigated")]
    [InlineData(FindingStatus.FalsePositive, "False positive")]
    public void Other_decisions_ask_only_for_a_reason(FindingStatus status, string title)
    {
        var view = FindingStatusModal.Build("F-1a2b3c4d", "Reports API has no authentication", status, Metadata);

        Assert.Equal(title, (string)view["title"]!["text"]!);
        Assert.Equal(["section", "input"], view["blocks"]!.AsArray().Select(b => (string)b!["type"]!));
    }

    [Fact]
    public void Modal_titles_fit_slacks_24_chars()
    {
        var titles = Enum.GetValues<FindingStatus>()
            .Select(s => (string)FindingStatusModal.Build("F-1", "t", s, "")["title"]!["text"]!);

        Assert.All(titles, t => Assert.InRange(t.Length, 1, 24));
    }

    [Fact]
    public void A_finding_title_with_markup_is_shown_literally_in_the_modal()
    {
        var view = FindingStatusModal.Build("F-1", "<!channel> & co", FindingStatus.Mitigated, Metadata);

        Assert.Contains("*&lt;!channel&gt; &amp; co*", Sample.TextOf(view["blocks"]![0]!));
    }

    [Fact]
    public void A_modal_opened_from_a_button_names_the_finding_by_id_once()
    {
        var view = FindingStatusModal.Build("F-1a2b3c4d", "F-1a2b3c4d", FindingStatus.FalsePositive, Metadata);

        Assert.Equal("Marking as a false positive: `F-1a2b3c4d`", Sample.TextOf(view["blocks"]![0]!));
    }

    [Fact]
    public void Private_metadata_of_3000_chars_is_kept_and_3001_is_refused()
    {
        var kept = FindingStatusModal.Build("F-1", "t", FindingStatus.Accepted, new string('m', 3000));

        Assert.Equal(3000, ((string)kept["private_metadata"]!).Length);
        var refused = Assert.Throws<ArgumentException>(() => FindingStatusModal.Build("F-1", "t", FindingStatus.Accepted, new string('m', 3001)));
        Assert.Equal("privateMetadata", refused.ParamName);
    }

    [Fact]
    public void Read_gets_the_reason_and_the_date_from_a_view_submission()
    {
        using var payload = JsonDocument.Parse($$"""
            { "type": "view_submission", "team": { "id": "T111", "domain": "acme" }, "user": { "id": "W111", "team_id": "T111" },
              "api_app_id": "A111", "trigger_id": "111.222.valid",
              "view": { "id": "V111", "type": "modal", "callback_id": "vigil.finding_status",
                        "private_metadata": {{JsonSerializer.Serialize(Metadata)}}, "blocks": [],
                        "state": { "values": {
                            "reason": { "reason": { "type": "plain_text_input", "value": "  Internal only until the Q3 gateway work.\n" } },
                            "expires": { "expires": { "type": "datepicker", "selected_date": "2027-03-31" } } } },
                        "hash": "156772938.1827394", "root_view_id": "V111", "app_id": "A111", "bot_id": "B111" },
              "response_urls": [] }
            """);

        var form = FindingStatusModal.Read(payload.RootElement.GetProperty("view"));

        Assert.Equal("Internal only until the Q3 gateway work.", form.Reason);
        Assert.Equal(new DateOnly(2027, 3, 31), form.Expires);
    }

    [Fact]
    public void Read_of_a_form_without_a_date_or_reason_gives_an_empty_reason_and_no_expiry()
    {
        using var view = JsonDocument.Parse("""
            { "type": "modal", "state": { "values": {
                "reason": { "reason": { "type": "plain_text_input", "value": null } },
                "expires": { "expires": { "type": "datepicker", "selected_date": null } } } } }
            """);

        var form = FindingStatusModal.Read(view.RootElement);

        Assert.Equal(new FindingStatusForm("", null), form);
    }

    [Fact]
    public void Errors_keeps_the_modal_open_with_a_message_under_the_reason()
    {
        var ack = FindingStatusModal.Errors("Say why, so the next reviewer knows.");

        Assert.Equal("""{"response_action":"errors","errors":{"reason":"Say why, so the next reviewer knows."}}""", ack.ToJsonString());
    }

    [Theory]
    [InlineData("vigil.finding.mitigated", FindingStatus.Mitigated)]
    [InlineData("vigil.finding.accepted", FindingStatus.Accepted)]
    [InlineData("vigil.finding.false_positive", FindingStatus.FalsePositive)]
    public void A_button_action_id_maps_back_to_the_status_it_asks_for(string actionId, FindingStatus expected)
    {
        Assert.True(FindingActions.TryParse(actionId, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("vigil.finding.reopen")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_action_ids_are_not_finding_decisions(string? actionId)
    {
        Assert.False(FindingActions.TryParse(actionId, out _));
    }

    [Fact]
    public void The_status_modal_round_trips_its_own_input_ids()
    {
        var built = FindingStatusModal.Build("F-1", "t", FindingStatus.Accepted, Metadata);
        var state = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [(string)built["blocks"]![1]!["block_id"]!] = new JsonObject { [(string)built["blocks"]![1]!["element"]!["action_id"]!] = new JsonObject { ["value"] = "ok" } },
                [(string)built["blocks"]![2]!["block_id"]!] = new JsonObject { [(string)built["blocks"]![2]!["element"]!["action_id"]!] = new JsonObject { ["selected_date"] = "2027-01-02" } },
            },
        };
        built["state"] = state;

        var form = FindingStatusModal.Read(JsonDocument.Parse(built.ToJsonString()).RootElement);

        Assert.Equal(new FindingStatusForm("ok", new DateOnly(2027, 1, 2)), form);
    }
}
