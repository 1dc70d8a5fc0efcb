using System.Text;
using Vigil.ChatAgent.Conversation.Diagrams;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.Tuning;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Knowledge;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>
/// The long answers: the full report (Markdown, attached), the data-flow diagram (Mermaid text and a PNG), the rule
/// catalogue with this workspace's tuning. Each comes with a short message so the channel is not flooded.
/// </summary>
public sealed class Reports(DiagramRenderer diagrams)
{
    private static readonly IReportExporter Markdown = ReportExporters.For("md")!;
    private static readonly IReportExporter Mermaid = ReportExporters.For("mermaid")!;

    /// <summary>Mermaid text longer than this goes only into the attached file.</summary>
    private const int MaxInlineDiagram = 2500;

    public Reply Report(RiskPicture picture)
    {
        if (picture.Analyses.Count == 0)
        {
            return Reply.Say($"I have no model of {picture.Name} yet. Reports cover what was discussed in channels I watch: a channel (/threat report #channel), a thread (its link) or a service by name.");
        }

        var open = picture.Open.ToList();
        var headline = open.Count == 0
            ? $"Threat report for {picture.Name}: no open risks ({picture.Findings.Count} decided)."
            : $"Threat report for {picture.Name}: {open.Count} open risk{(open.Count == 1 ? "" : "s")} ({AnswerComposer.BySeverity(open.Select(i => i.Finding))}), {picture.Findings.Count - open.Count} decided.";
        var markdown = new StringBuilder();
        foreach (var analysis in picture.Analyses)
        {
            markdown.Append(Markdown.Export(WithDecisions(analysis, picture))).Append("\n\n");
        }

        var blocks = new List<ReplyBlock> { new Paragraph(headline) };
        blocks.AddRange(open.Take(3).Select(i => (ReplyBlock)new Paragraph($"{i.Finding.Severity} {i.Finding.Score:0.0} · {i.Finding.Title} — {i.Finding.Component} ({i.Finding.Id})")));
        blocks.Add(new Note("The full report, with every finding, its evidence, attack paths and compliance mapping, is attached."));
        return new Reply(headline, blocks, new ReplyFile("vigil-threat-report.md", $"Threat report — {picture.Name}", "text/markdown", Encoding.UTF8.GetBytes(markdown.ToString())));
    }

    public async Task<Reply> ModelAsync(RiskPicture picture, CancellationToken cancellationToken)
    {
        var analysis = picture.Analyses.MaxBy(a => a.Model.Elements.Count);
        if (analysis is null || analysis.Model.Elements.Count == 0)
        {
            return Reply.Say($"There is no model of {picture.Name} yet: describe the components and how data moves between them, and ask again.");
        }

        var mermaid = Mermaid.Export(analysis);
        var headline = $"Data-flow model of {picture.Name}: {analysis.Model.Elements.Count} elements, {analysis.Model.Flows.Count} flows, {analysis.Model.Boundaries.Count} trust boundaries.";
        var blocks = new List<ReplyBlock> { new Paragraph(headline) };
        blocks.Add(mermaid.Length <= MaxInlineDiagram ? new Preformatted(mermaid) : new Note("The Mermaid text is long; it is in the report (/threat report)."));
        try
        {
            var png = await diagrams.RenderPngAsync(analysis.Model, cancellationToken);
            return new Reply(headline, blocks, new ReplyFile("vigil-model.png", $"Data-flow model — {picture.Name}", "image/png", png));
        }
        catch (DiagramUnavailableException e)
        {
            blocks.Add(new Note($"No picture this time: {e.Message}"));
            return new Reply(headline, blocks, new ReplyFile("vigil-model.mmd", $"Data-flow model — {picture.Name}", "text/plain", Encoding.UTF8.GetBytes(mermaid)));
        }
    }

    public Reply Rules(Catalog catalog, TuningSet tuning, ConversationRef where)
    {
        var lines = new List<string>();
        lines.AddRange(tuning.Disabled.Values.Select(t => $"{t.RuleId} is off — {FindingViews.Mention(where, t.Actor)}, {t.At:yyyy-MM-dd}: {Quoted.Text(t.Reason)}"));
        lines.AddRange(tuning.SeverityOverrides.Values.Select(t => $"{t.RuleId} counts as {t.Severity?.ToString().ToLowerInvariant()} — {FindingViews.Mention(where, t.Actor)}, {t.At:yyyy-MM-dd}: {Quoted.Text(t.Reason)}"));
        var headline = lines.Count == 0
            ? $"{catalog.Rules.Count} rules, none tuned in this workspace."
            : $"{catalog.Rules.Count} rules; {lines.Count} tuned in this workspace:";
        var blocks = new List<ReplyBlock> { new Paragraph(headline) };
        if (lines.Count > 0)
        {
            blocks.Add(new Bullets(lines));
        }

        blocks.Add(new Note("/threat rules disable <rule-id> \"why\" · /threat rules severity <rule-id> <low|medium|high|critical> \"why\" · /threat rules enable <rule-id> \"why\" — the catalogue is attached."));
        var markdown = new StringBuilder("# Vigil rule catalogue\n\n| rule | title | severity | STRIDE | CWE |\n|---|---|---|---|---|\n");
        foreach (var rule in catalog.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var severity = tuning.Disabled.ContainsKey(rule.Id) ? "off" : tuning.SeverityOverrides.TryGetValue(rule.Id, out var o) ? $"{o.Severity} (tuned)" : rule.Severity;
            markdown.Append($"| {rule.Id} | {rule.Title.Replace("|", "\\|", StringComparison.Ordinal)} | {severity} | {string.Join(", ", rule.Stride)} | {string.Join(", ", rule.Cwe.Select(c => $"CWE-{c}"))} |\n");
        }

        return new Reply(headline, blocks, new ReplyFile("vigil-rules.md", "Vigil rule catalogue", "text/markdown", Encoding.UTF8.GetBytes(markdown.ToString())));
    }

    /// <summary>The analysis as people decided it: tuned severities, statuses from the ledger, disabled rules gone.</summary>
    private static AnalysisResult WithDecisions(AnalysisResult analysis, RiskPicture picture)
    {
        var decided = picture.Findings.ToDictionary(i => i.Finding.Id);
        var findings = analysis.Findings
            .Where(f => decided.ContainsKey(f.Id))
            .Select(f => decided[f.Id].Finding with { Status = decided[f.Id].Status, Evidence = f.Evidence, Score = f.Score })
            .ToList();
        return analysis with { Findings = findings };
    }
}
