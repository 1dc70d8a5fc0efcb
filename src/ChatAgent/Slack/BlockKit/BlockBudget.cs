using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>
/// Lays a reply out within a block budget. When it does not fit, or a text had to be shortened, it keeps the
/// blocks that fit and ends with a note saying how much is missing and where to find it.
/// </summary>
internal static class BlockBudget
{
    public static JsonArray Lay(Reply reply, int maxBlocks, string whereToFindTheRest, out bool overflowed)
    {
        var renderer = new ReplyBlockRenderer();
        var rendered = reply.Blocks.Select(renderer.Render).ToList();
        var total = rendered.Sum(r => r.Blocks.Count);
        overflowed = total > maxBlocks || rendered.Any(r => r.Cut);
        if (!overflowed)
        {
            return [.. rendered.SelectMany(r => r.Blocks)];
        }

        var kept = new JsonArray();
        var room = maxBlocks - 1;
        var shown = 0;
        for (; shown < rendered.Count && kept.Count + rendered[shown].Blocks.Count <= room; shown++)
        {
            foreach (var block in rendered[shown].Blocks)
            {
                kept.Add(block);
            }
        }

        var missing = rendered.Skip(shown).Count(r => r.Counts);
        var note = missing > 0 ? $"…{missing} more not shown — {whereToFindTheRest}" : $"…some text was shortened — {whereToFindTheRest}";
        kept.Add(BlockJson.Context(note));
        return kept;
    }
}
