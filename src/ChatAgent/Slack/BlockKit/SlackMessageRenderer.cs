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

    /// <summary>
    /// Renders for a place where no file may go (a private answer: a file is shared with the whole channel). A reply
    /// that does not fit ends with a note saying <paramref name="whereToFindTheRest"/>; a reply's own file is
    /// replaced by a note saying the same.
    /// </summary>
    public static BlockKitMessage RenderWithoutFile(Reply reply, string whereToFindTheRest)
    {
        var shown = reply.File is null ? reply : reply with { Blocks = [.. reply.Blocks, new Note($"{reply.File.Title}: {whereToFindTheRest}")], File = null };
        var blocks = BlockBudget.Lay(shown, BlockKitLimits.MessageBlocks, whereToFindTheRest, out _);
        return new BlockKitMessage(FallbackText(reply), blocks, Upload: null);
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
