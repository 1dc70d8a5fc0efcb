using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Slack.BlockKit;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Whatever the core says, Slack accepts the message: random replies with many findings and long, hostile texts.</summary>
public sealed class SlackMessageRendererProperties
{
    // Pieces that stress escaping and cutting: entities, link and mention syntax, fences, emoji (surrogate pairs).
    private static readonly string[] Pieces =
        ["a", "word ", " ", "&", "<", ">", "<!channel>", "<@U123>", "<https://x.io|x>", "\n", "```", "*", "_", "~", "|", "é", "😀"];

    private static Gen<string> Texts(int maxPieces) =>
        Gen.Choose(0, maxPieces).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat);

    private static Gen<FindingView> Findings() =>
        from title in Texts(300)
        from why in Texts(1500)
        from fixes in Gen.ListOf(Texts(400), 5)
        from quote in Texts(200)
        from url in Gen.Elements<string?>(null, "https://acme.slack.com/archives/C1/p1?thread_ts=1.2&cid=C1", "not a url")
        from status in Gen.Elements(Enum.GetValues<FindingStatus>())
        from reason in Texts(300)
        from id in Gen.Elements("F-1a2b3c4d", "F-1a2b3c4d", new string('f', 300), "F-<&>")
        select new FindingView(id, title, Severity.Critical, 9.1, "payments-svc", why, fixes, [new EvidenceLink("#pay", quote, url)],
            status, new ComplianceMapping(["AC-3", "AC-6", "SC-8"], ["3.5.1"], ["A.8.24"]), reason);

    private static Gen<ReplyBlock> Blocks() =>
        Gen.OneOf(
            Texts(400).Select(t => (ReplyBlock)new Heading(t)),
            Texts(2000).Select(t => (ReplyBlock)new Paragraph(t)),
            Texts(2000).Select(t => (ReplyBlock)new Note(t)),
            Texts(2000).Select(t => (ReplyBlock)new Preformatted(t)),
            Gen.ListOf(Texts(200), 30).Select(items => (ReplyBlock)new Bullets(items)),
            Texts(100).Select(t => (ReplyBlock)new LinkLine(t, "https://acme.slack.com/archives/C1/p1")),
            Gen.Constant((ReplyBlock)new Divider()),
            from finding in Findings()
            from change in Gen.Elements(Enum.GetValues<FindingChange>())
            from actions in Gen.Elements(true, false)
            select (ReplyBlock)new FindingBlock(finding, change, actions));

    private static Arbitrary<Reply> Replies() =>
        (from count in Gen.Choose(0, 120)
         from blocks in Gen.ListOf(Blocks(), count)
         from fallback in Texts(2000)
         select new Reply(fallback, blocks)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Any_reply_renders_within_every_block_kit_limit() =>
        Prop.ForAll(Replies(), reply =>
        {
            var message = SlackMessageRenderer.Render(reply);

            var problems = BlockKitShape.Problems(message.Blocks, BlockKitLimits.MessageBlocks);
            return (problems.Count == 0 && message.Text.Length <= 3000).Label(string.Join('\n', problems));
        });

    [Property(MaxTest = 60)]
    public Property Any_reply_that_had_to_be_cut_says_so_and_attaches_the_full_report() =>
        Prop.ForAll(Replies(), reply =>
        {
            var message = SlackMessageRenderer.Render(reply);

            var lastText = (string?)message.Blocks.LastOrDefault()?["elements"]?[0]?["text"];
            var saysCut = lastText is not null && lastText.EndsWith("full report attached", StringComparison.Ordinal);
            return !saysCut || message.Upload is not null;
        });

    [Property(MaxTest = 60)]
    public Property No_text_from_a_reply_can_ping_a_channel() =>
        Prop.ForAll(Replies(), reply =>
        {
            var message = SlackMessageRenderer.Render(reply);

            var mrkdwn = message.Blocks.SelectMany(Sample.Strings).Where(s => s.Contains("<!", StringComparison.Ordinal));
            var headers = message.Blocks.Where(b => (string)b!["type"]! == "header").Select(b => Sample.TextOf(b!)).ToHashSet();
            return mrkdwn.All(headers.Contains) && !message.Text.Contains("<!", StringComparison.Ordinal);
        });

    [Property(MaxTest = 40)]
    public Property The_home_tab_stays_within_100_valid_blocks() =>
        Prop.ForAll(Replies(), reply =>
        {
            var blocks = SlackViews.Home(reply)["blocks"]!.AsArray();

            var problems = BlockKitShape.Problems(blocks, BlockKitLimits.ViewBlocks);
            return (problems.Count == 0).Label(string.Join('\n', problems));
        });
}
