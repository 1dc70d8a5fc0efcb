using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>
/// What Slack checks before it accepts blocks (slack.md §7): known block types with their required keys, non-empty
/// texts within limits, unique ids. A list of problems, so a failing test says which rule was broken.
/// </summary>
internal static class BlockKitShape
{
    public static IReadOnlyList<string> Problems(JsonArray blocks, int maxBlocks)
    {
        var problems = new List<string>();
        if (blocks.Count > maxBlocks)
        {
            problems.Add($"{blocks.Count} blocks, more than {maxBlocks}");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i]!.AsObject();
            var where = $"block {i} ({block["type"]})";
            if (block["block_id"]?.GetValue<string>() is { } blockId)
            {
                Check(problems, blockId.Length is > 0 and <= 255, $"{where}: block_id length {blockId.Length}");
                Check(problems, blockIds.Add(blockId), $"{where}: block_id {blockId} used twice");
            }

            switch (block["type"]?.GetValue<string>())
            {
                case "header":
                    Text(problems, where, block["text"], 150, "plain_text");
                    break;
                case "section":
                    Text(problems, where, block["text"], 3000, "mrkdwn", "plain_text");
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Check(problems, elements.Count is >= 1 and <= 10, $"{where}: {elements.Count} elements");
                    foreach (var element in elements)
                    {
                        Text(problems, where, element, 3000, "mrkdwn", "plain_text");
                    }

                    break;
                case "divider":
                    Check(problems, block.Count(p => p.Key != "block_id") == 1, $"{where}: a divider holds only its type");
                    break;
                case "actions":
                    Actions(problems, where, block["elements"]!.AsArray());
                    break;
                case "input":
                    Text(problems, where, block["label"], 2000, "plain_text");
                    Check(problems, block["element"]?["action_id"] is not null, $"{where}: input element without action_id");
                    break;
                default:
                    problems.Add($"{where}: unknown block type");
                    break;
            }
        }

        return problems;
    }

    public static void AssertValid(JsonArray blocks, int maxBlocks = 50)
    {
        var problems = Problems(blocks, maxBlocks);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static void Actions(List<string> problems, string where, JsonArray elements)
    {
        Check(problems, elements.Count is >= 1 and <= 25, $"{where}: {elements.Count} elements");
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in elements)
        {
            Check(problems, (string?)button!["type"] == "button", $"{where}: {button["type"]} is not a button");
            Text(problems, where, button["text"], 75, "plain_text");
            var actionId = (string?)button["action_id"] ?? "";
            Check(problems, actionId.Length is > 0 and <= 255, $"{where}: action_id length {actionId.Length}");
            Check(problems, actionIds.Add(actionId), $"{where}: action_id {actionId} used twice in one block");
            Check(problems, ((string?)button["value"] ?? "").Length <= 2000, $"{where}: button value over 2000");
        }
    }

    private static void Text(List<string> problems, string where, JsonNode? text, int max, params string[] types)
    {
        if (text is null)
        {
            problems.Add($"{where}: text missing");
            return;
        }

        var type = (string?)text["type"];
        var value = (string?)text["text"] ?? "";
        Check(problems, types.Contains(type), $"{where}: text type {type}");
        Check(problems, value.Trim().Length > 0, $"{where}: empty text");
        Check(problems, value.Length <= max, $"{where}: text of {value.Length} chars, more than {max}");
        Check(problems, type == "plain_text" || text["emoji"] is null, $"{where}: emoji is only for plain_text");
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
