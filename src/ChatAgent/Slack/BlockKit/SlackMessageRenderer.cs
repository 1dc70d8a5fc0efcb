using System.Text;
using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>Renders a neutral <see cref="Reply"/> as a Slack message that Slack accepts whatever the reply's size.</summary>
public static class SlackMessageRenderer
{
    public const string ReportFileName = "vigil-report.md";

    public static BlockKitMessage Render(Reply reply)
    {
        var blocks = BlockBudget.Lay(reply, BlockKitLimits.MessageBlocks, "full report attached", out var overflowed);
        var upload = reply.File ?? (overflowed ? Report(reply) : null);
        return new BlockKitMessage(FallbackText(reply), blocks, upload);
    }

    private static string FallbackText(Reply reply)
    {
        var text = string.IsNullOrWhiteSpace(reply.Fallback) ? "Vigil" : reply.Fallback;
        return Mrkdwn.Fit(Mrkdwn.Escape(text), BlockKitLimits.MessageText, out _);
    }

    private static ReplyFile Report(Reply reply)
    {
        var title = reply.Blocks.OfType<Heading>().Select(h => h.Text.Trim()).FirstOrDefault(t => t.Length > 0) ?? "Vigil report";
        return new ReplyFile(ReportFileName, title, "text/markdown", Encoding.UTF8.GetBytes(ReplyMarkdown.Write(reply)));
    }
}
