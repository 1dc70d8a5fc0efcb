using System.Text;
using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Slack.BlockKit;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Slack;

public sealed class SlackMessageRendererTests
{
    [Fact]
    public void Less_than_ampersand_and_greater_than_in_user_text_are_shown_literally()
    {
        var reply = new Reply("a < b & c > d", [new Paragraph("a < b & c > d"), new Bullets(["x<y", "p&q"])]);

        var message = SlackMessageRenderer.Render(reply);

        Assert.Equal("a &lt; b &amp; c &gt; d", Sample.TextOf(message.Blocks[0]!));
        Assert.Equal("• x&lt;y\n• p&amp;q", Sample.TextOf(message.Blocks[1]!));
        Assert.Equal("a &lt; b &amp; c &gt; d", message.Text);
    }

    [Fact]
    public void A_channel_mention_typed_by_someone_does_not_ping_the_channel()
    {
        var finding = Sample.Finding(title: "<!channel> tokens in logs") with
        {
            Evidence = [new EvidenceLink("#payments", "hey <!here> we log <!channel> tokens", "https://acme.slack.com/archives/C1/p1")],
        };
        var reply = new Reply("<!everyone> summary", [new Heading("<!channel>"), new Paragraph("ping <!channel>"), new Note("<!here>"), new FindingBlock(finding, FindingChange.None, false)]);

        var message = SlackMessageRenderer.Render(reply);

        var shown = Sample.Strings(message.Blocks).Append(message.Text).ToList();
        Assert.DoesNotContain(shown, s => s.Contains("<!", StringComparison.Ordinal) && !IsPlainText(message.Blocks, s));
        Assert.Contains("ping &lt;!channel&gt;", shown);
        Assert.Contains("&lt;!everyone&gt; summary", message.Text);
        Assert.Contains("*&lt;!channel&gt; tokens in logs*", Sample.TextOf(message.Blocks[3]!));
    }

    [Fact]
    public void Every_block_kind_renders_as_the_block_kit_block_slack_expects()
    {
        var reply = new Reply("Threat model", [
            new Heading("Threat model: payments"),
            new Paragraph("Three findings since Monday."),
            new Note("Updated 09:00 UTC"),
            new Preformatted("flowchart LR\n  web --> api"),
            new Bullets(["one", "two"]),
            new LinkLine("Open the thread", "https://acme.slack.com/archives/C111/p1700000000000100"),
            new Divider(),
            new FindingBlock(Sample.Finding(), FindingChange.None, WithActions: true),
        ]);

        var message = SlackMessageRenderer.Render(reply);

        BlockKitShape.AssertValid(message.Blocks);
        Assert.Equal(["header", "section", "context", "section", "section", "section", "divider", "section", "actions"],
            message.Blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("```\nflowchart LR\n  web --&gt; api\n```", Sample.TextOf(message.Blocks[3]!));
        Assert.Equal("• one\n• two", Sample.TextOf(message.Blocks[4]!));
        Assert.Equal("<https://acme.slack.com/archives/C111/p1700000000000100|Open the thread>", Sample.TextOf(message.Blocks[5]!));
        Assert.Equal("Updated 09:00 UTC", (string)message.Blocks[2]!["elements"]![0]!["text"]!);
        Assert.Null(message.Upload);
    }

    [Fact]
    public void A_finding_reads_as_severity_title_component_then_why_fixes_quote_and_controls()
    {
        var reply = new Reply("1 finding", [new FindingBlock(Sample.Finding(), FindingChange.None, false)]);

        var text = Sample.TextOf(SlackMessageRenderer.Render(reply).Blocks[0]!);

        Assert.Equal(
            """
            *High 7.8* · *Reports API has no authentication* — reports-api · `F-1a2b3c4d`
            _Why:_ Anyone who can reach it reads every customer report.
            _Fix:_ Require OIDC tokens at the gateway
            • Put reports-api behind the internal ALB
            • Log every read with the caller id
            _Said in:_ <https://acme.slack.com/archives/C111/p1700000000000100|"no auth on the reports-api for now">
            NIST AC-3, IA-2 · PCI 7.2.1 · ISO A.5.15
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void A_quote_without_a_link_is_shown_plain_and_a_long_quote_is_shortened()
    {
        var longQuote = "we keep the live secret key in appsettings.Production.json in the repo because the deploy needs it";
        var finding = Sample.Finding(url: null) with { Evidence = [new EvidenceLink("#payments", longQuote)] };

        var text = Sample.TextOf(SlackMessageRenderer.Render(new Reply("f", [new FindingBlock(finding, FindingChange.None, false)])).Blocks[0]!);

        var said = text.Split('\n').Single(l => l.StartsWith("_Said in:_", StringComparison.Ordinal));
        Assert.StartsWith("_Said in:_ \"we keep the live secret key", said);
        Assert.EndsWith("…\"", said);
        Assert.DoesNotContain("<", said);
        Assert.InRange(said.Length - "_Said in:_ ".Length, 60, 82);
    }

    [Fact]
    public void New_and_raised_findings_are_flagged_in_a_living_summary()
    {
        var reply = new Reply("summary", [
            new FindingBlock(Sample.Finding(id: "F-1"), FindingChange.New, false),
            new FindingBlock(Sample.Finding(id: "F-2"), FindingChange.Raised, false),
        ]);

        var message = SlackMessageRenderer.Render(reply);

        Assert.StartsWith(":new: *High 7.8*", Sample.TextOf(message.Blocks[0]!));
        Assert.StartsWith(":arrow_up: *High 7.8*", Sample.TextOf(message.Blocks[1]!));
    }

    [Fact]
    public void A_resolved_finding_is_struck_through_and_offers_no_buttons()
    {
        var reply = new Reply("summary", [new FindingBlock(Sample.Finding(), FindingChange.Resolved, WithActions: true)]);

        var message = SlackMessageRenderer.Render(reply);

        var firstLine = Sample.TextOf(message.Blocks[0]!).Split('\n')[0];
        Assert.Equal("*High* · ~Reports API has no authentication~ — reports-api · `F-1a2b3c4d` · _resolved_", firstLine);
        Assert.Single(message.Blocks);
    }

    [Fact]
    public void A_decided_finding_shows_its_status_and_reason_with_the_deciders_mention_intact()
    {
        var finding = Sample.Finding(status: FindingStatus.Accepted, statusReason: "by <@U1>: internal only until Q3 <!channel>");

        var text = Sample.TextOf(SlackMessageRenderer.Render(new Reply("f", [new FindingBlock(finding, FindingChange.None, false)])).Blocks[0]!);

        Assert.Equal("_Risk accepted:_ by <@U1>: internal only until Q3 &lt;!channel&gt;", text.Split('\n')[1]);
    }

    [Fact]
    public void A_decided_finding_without_a_reason_still_shows_its_status()
    {
        var finding = Sample.Finding(status: FindingStatus.FalsePositive);

        var text = Sample.TextOf(SlackMessageRenderer.Render(new Reply("f", [new FindingBlock(finding, FindingChange.None, false)])).Blocks[0]!);

        Assert.Equal("_False positive_", text.Split('\n')[1]);
    }

    [Fact]
    public void Buttons_carry_the_action_ids_and_the_finding_id()
    {
        var reply = new Reply("f", [new FindingBlock(Sample.Finding(id: "F-9f8e7d6c"), FindingChange.None, WithActions: true)]);

        var actions = SlackMessageRenderer.Render(reply).Blocks[1]!;

        Assert.Equal("actions", (string)actions["type"]!);
        Assert.Equal("finding:F-9f8e7d6c", (string)actions["block_id"]!);
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal(["Mitigated", "Accept risk", "False positive"], buttons.Select(b => (string)b!["text"]!["text"]!));
        Assert.Equal(["vigil.finding.mitigated", "vigil.finding.accepted", "vigil.finding.false_positive"], buttons.Select(b => (string)b!["action_id"]!));
        Assert.All(buttons, b => Assert.Equal("F-9f8e7d6c", (string)b!["value"]!));
    }

    [Fact]
    public void The_same_finding_shown_twice_gets_two_distinct_block_ids()
    {
        var block = new FindingBlock(Sample.Finding(), FindingChange.None, WithActions: true);

        var message = SlackMessageRenderer.Render(new Reply("f", [block, new Divider(), block]));

        BlockKitShape.AssertValid(message.Blocks);
        Assert.Equal(2, message.Blocks.Count(b => (string)b!["type"]! == "actions"));
    }

    [Fact]
    public void A_120_finding_report_is_cut_to_50_blocks_with_a_note_and_the_full_report_attached()
    {
        var findings = Enumerable.Range(1, 120)
            .Select(i => new FindingBlock(Sample.Finding(id: $"F-{i:D8}", title: $"Finding number {i} in checkout"), FindingChange.None, WithActions: true))
            .ToList();
        var reply = new Reply("120 findings", [new Heading("Threat model: checkout"), .. findings]);

        var message = SlackMessageRenderer.Render(reply);

        BlockKitShape.AssertValid(message.Blocks);
        Assert.Equal(50, message.Blocks.Count);
        var note = message.Blocks[^1]!;
        Assert.Equal("context", (string)note["type"]!);
        var shownFindings = message.Blocks.Count(b => (string)b!["type"]! == "actions");
        Assert.Equal($"…{120 - shownFindings} more not shown — full report attached", (string)note["elements"]![0]!["text"]!);
        Assert.NotNull(message.Upload);
        Assert.Equal("vigil-report.md", message.Upload.Name);
        Assert.Equal("text/markdown", message.Upload.MediaType);
        var markdown = Encoding.UTF8.GetString(message.Upload.Content);
        Assert.All(Enumerable.Range(1, 120), i => Assert.Contains($"· Finding number {i} in checkout\n", markdown));
    }

    [Fact]
    public void A_long_report_that_brings_its_own_file_uploads_that_file()
    {
        var file = new ReplyFile("threat-model.md", "Threat model", "text/markdown", Encoding.UTF8.GetBytes("# full"));
        var findings = Enumerable.Range(1, 60).Select(i => (ReplyBlock)new FindingBlock(Sample.Finding(id: $"F-{i}"), FindingChange.None, false));

        var message = SlackMessageRenderer.Render(new Reply("60 findings", [.. findings], file));

        Assert.Same(file, message.Upload);
        Assert.Equal(50, message.Blocks.Count);
    }

    [Fact]
    public void A_reply_that_fits_uploads_its_own_file_and_otherwise_nothing()
    {
        var file = new ReplyFile("diagram.png", "Data flow", "image/png", [0x89, 0x50, 0x4E, 0x47]);

        var withFile = SlackMessageRenderer.Render(new Reply("diagram", [new Paragraph("Here is the diagram.")], file));
        var withoutFile = SlackMessageRenderer.Render(Reply.Say("Nothing new."));

        Assert.Same(file, withFile.Upload);
        Assert.Single(withFile.Blocks);
        Assert.Null(withoutFile.Upload);
    }

    [Fact]
    public void An_oversize_paragraph_is_shortened_without_breaking_an_entity_and_the_full_text_is_attached()
    {
        var text = string.Concat(Enumerable.Repeat("a&b ", 1500));

        var message = SlackMessageRenderer.Render(new Reply("long", [new Paragraph(text)]));

        var shown = Sample.TextOf(message.Blocks[0]!);
        Assert.InRange(shown.Length, 2900, 3000);
        Assert.EndsWith("…", shown);
        Assert.Equal(shown.Split('&').Length - 1, System.Text.RegularExpressions.Regex.Count(shown, "&amp;"));
        Assert.Equal("…some text was shortened — full report attached", (string)message.Blocks[^1]!["elements"]![0]!["text"]!);
        Assert.Contains(text.Trim(), Encoding.UTF8.GetString(message.Upload!.Content));
    }

    [Fact]
    public void A_long_heading_is_cut_to_150_chars_with_an_ellipsis()
    {
        var heading = new string('h', 200);

        var message = SlackMessageRenderer.Render(new Reply("h", [new Heading(heading)]));

        var shown = (string)message.Blocks[0]!["text"]!["text"]!;
        Assert.Equal(150, shown.Length);
        Assert.EndsWith("…", shown);
    }

    [Fact]
    public void The_notification_text_is_escaped_and_at_most_3000_chars()
    {
        var message = SlackMessageRenderer.Render(new Reply(new string('<', 5000), []));

        Assert.True(message.Text.Length <= 3000);
        Assert.StartsWith("&lt;&lt;", message.Text);
        Assert.EndsWith("&lt;…", message.Text);
    }

    [Fact]
    public void Empty_texts_are_left_out_because_slack_refuses_empty_blocks()
    {
        var message = SlackMessageRenderer.Render(new Reply("x", [new Heading(" "), new Paragraph(""), new Note("\n"), new Bullets([]), new Preformatted("")]));

        Assert.Empty(message.Blocks);
    }

    [Fact]
    public void The_home_tab_holds_up_to_100_blocks_with_buttons()
    {
        var findings = Enumerable.Range(1, 60).Select(i => (ReplyBlock)new FindingBlock(Sample.Finding(id: $"F-{i}"), FindingChange.None, WithActions: true));

        var home = SlackViews.Home(new Reply("home", [new Heading("Your open findings"), .. findings]));

        Assert.Equal("home", (string)home["type"]!);
        var blocks = home["blocks"]!.AsArray();
        BlockKitShape.AssertValid(blocks, maxBlocks: 100);
        Assert.Equal(100, blocks.Count);
        Assert.Equal(49, blocks.Count(b => (string)b!["type"]! == "actions"));
        Assert.StartsWith("…11 more not shown", (string)blocks[^1]!["elements"]![0]!["text"]!);
    }

    // plain_text is never parsed by Slack, so a literal "<!channel>" there cannot ping anyone.
    private static bool IsPlainText(JsonArray blocks, string text) =>
        blocks.Any(b => (string?)b!["text"]?["type"] == "plain_text" && (string?)b["text"]!["text"] == text);
}
