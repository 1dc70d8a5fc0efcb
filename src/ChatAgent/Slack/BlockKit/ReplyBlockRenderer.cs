using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>Maps each neutral reply block to Block Kit, escaping its plain text and keeping every text within limits.</summary>
internal sealed class ReplyBlockRenderer
{
    private const string Fence = "```";

    private readonly BlockIds ids = new();

    public RenderedBlock Render(ReplyBlock block) => block switch
    {
        Heading h => Header(h.Text),
        Paragraph p => Section(Mrkdwn.EscapeKeepingMentions(p.Text)),
        Note n => Context(Mrkdwn.EscapeKeepingMentions(n.Text)),
        Preformatted p => Code(p.Text),
        Bullets b => Section(string.Join('\n', b.Items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => "• " + Mrkdwn.EscapeKeepingMentions(i.Trim())))),
        LinkLine l => Section(Mrkdwn.Link(l.Url, l.Label)),
        Divider => new RenderedBlock([BlockJson.Divider()], Cut: false, Counts: false),
        FindingBlock f => FindingSection.Render(f, ids),
        // A block kind added to the core later has no Slack form yet; the rest of the reply still goes out.
        _ => RenderedBlock.Empty,
    };

    private static RenderedBlock Header(string text)
    {
        var line = TextFit.OneLine(text);
        return line.Length == 0
            ? RenderedBlock.Empty
            : new RenderedBlock([BlockJson.Header(line)], Cut: line.Length > BlockKitLimits.HeaderText, Counts: true);
    }

    // Slack refuses a section or context with empty text, so an empty block is left out.
    private static RenderedBlock Section(string mrkdwn) =>
        string.IsNullOrWhiteSpace(mrkdwn)
            ? RenderedBlock.Empty
            : new RenderedBlock([BlockJson.Section(Mrkdwn.Fit(mrkdwn, BlockKitLimits.SectionText, out var cut))], cut, Counts: true);

    private static RenderedBlock Context(string mrkdwn) =>
        string.IsNullOrWhiteSpace(mrkdwn)
            ? RenderedBlock.Empty
            : new RenderedBlock([BlockJson.Context(Mrkdwn.Fit(mrkdwn, BlockKitLimits.ContextElementText, out var cut))], cut, Counts: true);

    private static RenderedBlock Code(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RenderedBlock.Empty;
        }

        // mrkdwn has no escape for a fence inside a code block; a zero-width space keeps it from closing the block.
        var body = Mrkdwn.Escape(text.Trim('\r', '\n')).Replace(Fence, "``\u200B`", StringComparison.Ordinal);
        body = Mrkdwn.Fit(body, BlockKitLimits.SectionText - (2 * Fence.Length) - 2, out var cut);
        return new RenderedBlock([BlockJson.Section($"{Fence}\n{body}\n{Fence}")], cut, Counts: true);
    }
}
