using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>
/// A finding as one mrkdwn section (severity, title, component; why; fix; where it was said; compliance) and,
/// when asked for, an actions block with the Mitigated / Accept risk / False positive buttons.
/// </summary>
internal static class FindingSection
{
    private const int QuoteLength = 80;
    private const int FixesShown = 3;
    private const int ControlsPerFramework = 2;

    public static RenderedBlock Render(FindingBlock block, BlockIds ids)
    {
        var text = Mrkdwn.Fit(Text(block), BlockKitLimits.SectionText, out var cut);
        var blocks = new List<JsonObject> { BlockJson.Section(text) };
        if (HasButtons(block))
        {
            blocks.Add(Buttons(block.Finding.Id, ids));
        }

        return new RenderedBlock(blocks, cut, Counts: true);
    }

    public static string Text(FindingBlock block)
    {
        var finding = block.Finding;
        var lines = new List<string> { TitleLine(finding, block.Change) };
        if (finding.Status != FindingStatus.Open)
        {
            lines.Add(StatusLine(finding));
        }

        if (!string.IsNullOrWhiteSpace(finding.Why))
        {
            lines.Add($"_Why:_ {Mrkdwn.Escape(finding.Why.Trim())}");
        }

        var fixes = finding.Fixes.Where(f => !string.IsNullOrWhiteSpace(f)).Take(FixesShown).ToList();
        for (var i = 0; i < fixes.Count; i++)
        {
            lines.Add((i == 0 ? "_Fix:_ " : "• ") + Mrkdwn.Escape(TextFit.OneLine(fixes[i])));
        }

        if (finding.Evidence.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.Quote)) is { } evidence)
        {
            lines.Add($"_Said in:_ {Quote(evidence)}");
        }

        if (Controls(finding.Compliance) is { Length: > 0 } controls)
        {
            lines.Add(Mrkdwn.Escape(controls));
        }

        return string.Join('\n', lines);
    }

    /// <summary>A resolved finding is gone from the design: there is nothing left to decide about it.</summary>
    private static bool HasButtons(FindingBlock block) =>
        block.WithActions
        && block.Change != FindingChange.Resolved
        && !string.IsNullOrEmpty(block.Finding.Id)
        && block.Finding.Id.Length <= BlockKitLimits.ButtonValue;

    private static JsonObject Buttons(string findingId, BlockIds ids) =>
        BlockJson.Actions(
            ids.Next(FindingActions.BlockIdPrefix + findingId),
            [.. FindingActions.Buttons.Select(b => BlockJson.Button(b.Label, b.ActionId, findingId))]);

    private static string TitleLine(FindingView finding, FindingChange change)
    {
        var line = new StringBuilder();
        line.Append(change switch
        {
            FindingChange.New => ":new: ",
            FindingChange.Raised => ":arrow_up: ",
            FindingChange.Lowered => ":arrow_down: ",
            _ => "",
        });
        // A resolved finding no longer has a score worth showing, only the band it had.
        line.Append('*').Append(finding.Severity)
            .Append(change == FindingChange.Resolved ? "" : " " + finding.Score.ToString("0.0", CultureInfo.InvariantCulture)).Append("* · ");

        var title = Mrkdwn.Escape(TextFit.OneLine(finding.Title));
        line.Append(change == FindingChange.Resolved ? $"~{title}~" : $"*{title}*");
        if (!string.IsNullOrWhiteSpace(finding.Component))
        {
            line.Append(" — ").Append(Mrkdwn.Escape(TextFit.OneLine(finding.Component)));
        }

        // The id is what people type back: "how do I fix F-…", "/threat status F-… mitigated".
        line.Append(" · `").Append(Mrkdwn.Escape(finding.Id)).Append('`');
        if (change == FindingChange.Resolved)
        {
            line.Append(" · _resolved_");
        }

        return line.ToString();
    }

    private static string StatusLine(FindingView finding)
    {
        var label = finding.Status switch
        {
            FindingStatus.Accepted => "Risk accepted",
            FindingStatus.Mitigated => "Mitigated",
            FindingStatus.FalsePositive => "False positive",
            _ => finding.Status.ToString(),
        };

        // The core may write who decided as a <@U…> mention into the reason; that mention is meant to render.
        return string.IsNullOrWhiteSpace(finding.StatusReason)
            ? $"_{label}_"
            : $"_{label}:_ {Mrkdwn.EscapeKeepingMentions(TextFit.OneLine(finding.StatusReason))}";
    }

    private static string Quote(EvidenceLink evidence)
    {
        var quoted = "\"" + TextFit.Shorten(TextFit.OneLine(evidence.Quote), QuoteLength) + "\"";
        return evidence.Url is null ? Mrkdwn.Escape(quoted) : Mrkdwn.Link(evidence.Url, quoted);
    }

    private static string Controls(ComplianceMapping compliance)
    {
        var parts = new[] { ("NIST", compliance.Nist80053), ("PCI", compliance.PciDss), ("ISO", compliance.Iso27001) }
            .Where(p => p.Item2.Count > 0)
            .Select(p => $"{p.Item1} {string.Join(", ", p.Item2.Take(ControlsPerFramework))}");
        return string.Join(" · ", parts);
    }

}
