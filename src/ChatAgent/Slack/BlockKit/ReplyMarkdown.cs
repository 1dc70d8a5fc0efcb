using System.Globalization;
using System.Text;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>
/// The whole reply as plain Markdown, every finding in full: the report uploaded when the message had to be cut.
/// Nothing about it is Slack-specific; it could move next to <see cref="Reply"/> if another adapter needs it.
/// </summary>
public static class ReplyMarkdown
{
    public static string Write(Reply reply)
    {
        var md = new StringBuilder();
        foreach (var block in reply.Blocks)
        {
            Write(md, block);
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void Write(StringBuilder md, ReplyBlock block)
    {
        switch (block)
        {
            case Heading h:
                md.Append("## ").Append(TextFit.OneLine(h.Text)).Append("\n\n");
                break;
            case Paragraph p:
                md.Append(p.Text.Trim()).Append("\n\n");
                break;
            case Note n:
                md.Append('_').Append(TextFit.OneLine(n.Text)).Append("_\n\n");
                break;
            case Preformatted p:
                var fence = Fence(p.Text);
                md.Append(fence).Append('\n').Append(p.Text.Trim('\r', '\n')).Append('\n').Append(fence).Append("\n\n");
                break;
            case Bullets b:
                foreach (var item in b.Items)
                {
                    md.Append("- ").Append(TextFit.OneLine(item)).Append('\n');
                }

                md.Append('\n');
                break;
            case LinkLine l:
                md.Append('[').Append(TextFit.OneLine(l.Label)).Append("](").Append(l.Url).Append(")\n\n");
                break;
            case Divider:
                md.Append("---\n\n");
                break;
            case FindingBlock f:
                Finding(md, f);
                break;
        }
    }

    private static void Finding(StringBuilder md, FindingBlock block)
    {
        var f = block.Finding;
        var change = block.Change == FindingChange.None ? "" : $" ({block.Change.ToString().ToLowerInvariant()})";
        md.Append("### ").Append(f.Severity).Append(' ').Append(f.Score.ToString("0.0", CultureInfo.InvariantCulture))
            .Append(" · ").Append(TextFit.OneLine(f.Title)).Append(change).Append("\n\n");
        md.Append("- **Id:** `").Append(f.Id).Append("`\n");
        Field(md, "Component", f.Component);
        Field(md, "Status", f.Status == FindingStatus.Open ? "" : f.Status + (f.StatusReason is null ? "" : " — " + f.StatusReason));
        Field(md, "Why", f.Why);
        md.Append('\n');

        List(md, "Fixes", f.Fixes.Select(TextFit.OneLine));
        List(md, "Evidence", f.Evidence.Select(e => e.Url is null
            ? $"\"{TextFit.OneLine(e.Quote)}\" ({e.Source})"
            : $"[\"{TextFit.OneLine(e.Quote)}\"]({e.Url}) ({e.Source})"));
        List(md, "Compliance",
        [
            .. f.Compliance.Nist80053.Select(id => "NIST SP 800-53 " + id),
            .. f.Compliance.PciDss.Select(id => "PCI DSS " + id),
            .. f.Compliance.Iso27001.Select(id => "ISO/IEC 27001 " + id),
        ]);
    }

    private static void Field(StringBuilder md, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            md.Append("- **").Append(name).Append(":** ").Append(TextFit.OneLine(value)).Append('\n');
        }
    }

    private static void List(StringBuilder md, string name, IEnumerable<string> items)
    {
        var lines = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        md.Append("**").Append(name).Append(":**\n\n");
        foreach (var line in lines)
        {
            md.Append("- ").Append(line).Append('\n');
        }

        md.Append('\n');
    }

    /// <summary>A fence longer than any run of backticks in the text, so the text cannot close it.</summary>
    private static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }

}
