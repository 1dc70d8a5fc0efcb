using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ThreatModel.Diff;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>
/// Writes Vigil's answers. Developers get the few risks that matter, each with why it scores as it does, the fix and
/// the message it rests on; everything else is one command away. Deterministic: the same model, the same answer.
/// </summary>
public static class AnswerComposer
{
    /// <summary>Findings shown in a thread answer; the rest are counted and one command away.</summary>
    public const int MaxShown = 5;

    /// <summary>Further open findings named in one line under the detailed ones.</summary>
    public const int MaxNamed = 20;

    public static Reply Risks(RiskPicture picture, IReadOnlyList<FindingView> shown, SubjectMatch? subject)
    {
        var open = picture.Open.ToList();
        var blocks = new List<ReplyBlock>();
        if (open.Count == 0)
        {
            var decided = picture.Findings.Count;
            var text = decided == 0
                ? $"No risks found in {picture.Name} yet. I read the components, data flows and controls you describe (auth, TLS, encryption, rate limits…) and flag what is missing."
                : $"No open risks in {picture.Name}: all {decided} finding{Plural(decided)} have been decided (mitigated, accepted or not a risk).";
            blocks.Add(new Paragraph(text));
            AddNotes(blocks, picture);
            return new Reply(text, blocks);
        }

        var all = $"{open.Count} open risk{Plural(open.Count)} in {picture.Name}: {BySeverity(open.Select(i => i.Finding))}.";
        var headline = subject switch
        {
            null => all,
            { Matching: 0 } => $"Nothing I found is about “{Quoted.Text(subject.Words)}”. {all}",
            { Matching: var n } when n == open.Count => all,
            { Matching: var n } => $"{n} of the {open.Count} open risks in {picture.Name} concern “{Quoted.Text(subject.Words)}”.",
        };

        blocks.Add(new Paragraph(headline));
        var views = shown.Count > 0 ? shown : [];
        foreach (var view in views)
        {
            blocks.Add(new FindingBlock(view, FindingChange.None, WithActions: true));
        }

        var shownIds = views.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var rest = open.Where(i => !shownIds.Contains(i.Finding.Id)).ToList();
        if (rest.Count > 0)
        {
            // One line naming the rest keeps the answer short while nothing found goes unmentioned.
            var named = rest.Take(MaxNamed).Select(i => $"{i.Finding.Title} ({i.Finding.Severity.ToString().ToLowerInvariant()}, {i.Finding.Id})");
            blocks.Add(new Paragraph($"Also open: {string.Join(" · ", named)}{(rest.Count > MaxNamed ? $" · and {rest.Count - MaxNamed} more" : "")}"));
        }

        var footer = new List<string>();
        if (rest.Count > 0)
        {
            footer.Add("/threat report has every finding with its evidence");
        }

        var decidedCount = picture.Findings.Count - open.Count;
        if (decidedCount > 0)
        {
            footer.Add($"{decidedCount} already decided");
        }

        footer.Add("ask “how do I fix F-…?” for the details of one");
        blocks.Add(new Note(string.Join(" · ", footer)));
        AddNotes(blocks, picture);
        return new Reply(headline, blocks);
    }

    public static Reply Fix(FindingView view, Finding finding)
    {
        var blocks = new List<ReplyBlock>
        {
            new FindingBlock(view with { Fixes = [] }, FindingChange.None, WithActions: view.Status == FindingStatus.Open),
            new Paragraph("How to fix it:"),
            new Bullets(finding.Mitigations.Count > 0 ? finding.Mitigations : ["No specific fix is catalogued; the description above names the missing control."]),
        };
        var references = new List<string>();
        if (finding.Cwe.Count > 0)
        {
            references.Add("CWE " + string.Join(", ", finding.Cwe.Select(c => $"CWE-{c}")));
        }

        if (finding.Capec.Count > 0)
        {
            references.Add("CAPEC " + string.Join(", ", finding.Capec.Select(c => $"CAPEC-{c}")));
        }

        references.Add($"STRIDE {string.Join(", ", finding.Stride)}");
        blocks.Add(new Note(string.Join(" · ", references)));
        blocks.Add(new Note($"When it is done: /threat status {finding.Id} mitigated \"what you changed\""));
        return new Reply($"How to fix {finding.Title} ({finding.Id})", blocks);
    }

    public static Reply NoSuchFinding(string idOrSubject, RiskPicture picture)
    {
        var text = picture.Findings.Count == 0
            ? $"I have no findings in {picture.Name} yet, so nothing matches “{Quoted.Text(idOrSubject)}”."
            : $"No finding in {picture.Name} matches “{Quoted.Text(idOrSubject)}”. Its findings: {string.Join(", ", picture.Findings.Take(8).Select(f => $"{f.Finding.Id} {f.Finding.Title}"))}.";
        return Reply.Say(text);
    }

    public static Reply Changed(ModelDiff? diff, RiskPicture picture, IReadOnlyList<FindingView> newViews, IReadOnlyList<FindingView> resolvedViews)
    {
        if (diff is null)
        {
            return Reply.Say(picture.Where.Thread is null
                ? $"Changes are tracked per design thread: ask “what changed?” in the thread itself."
                : $"There is only one version of the model of {picture.Name} so far, so nothing to compare yet.");
        }

        var blocks = new List<ReplyBlock> { new Paragraph($"Since the previous version of the model: {diff.Summary}") };
        foreach (var view in newViews)
        {
            blocks.Add(new FindingBlock(view, FindingChange.New, WithActions: view.Status == FindingStatus.Open));
        }

        foreach (var view in resolvedViews)
        {
            blocks.Add(new FindingBlock(view, FindingChange.Resolved, WithActions: false));
        }

        var model = new List<string>();
        model.AddRange(diff.AddedElements.Select(e => $"+ {e}"));
        model.AddRange(diff.RemovedElements.Select(e => $"− {e}"));
        model.AddRange(diff.AddedControls.Select(c => $"+ control {c}"));
        model.AddRange(diff.RemovedControls.Select(c => $"− control {c}"));
        if (model.Count > 0)
        {
            blocks.Add(new Bullets(model.Take(12).ToList()));
        }

        return new Reply($"What changed in {picture.Name}: {diff.Summary}", blocks);
    }

    public static Reply Compliance(RiskPicture picture, string framework)
    {
        var (label, select) = framework switch
        {
            "pciDss" => ("PCI DSS 4.0", (Func<ComplianceMapping, IReadOnlyList<string>>)(c => c.PciDss)),
            "iso27001" => ("ISO/IEC 27001:2022 Annex A", c => c.Iso27001),
            "nist80053" => ("NIST SP 800-53 Rev. 5", c => c.Nist80053),
            _ => ("NIST 800-53, PCI DSS 4.0 and ISO 27001", c => [.. c.Nist80053, .. c.PciDss, .. c.Iso27001]),
        };
        var open = picture.Open.Where(i => select(i.Finding.Compliance).Count > 0).ToList();
        if (open.Count == 0)
        {
            var text = $"No open finding in {picture.Name} maps to {label}. That is not a certification: I can only judge what the thread describes.";
            return Reply.Say(text);
        }

        var byControl = open.SelectMany(i => select(i.Finding.Compliance).Select(control => (control, i.Finding)))
            .GroupBy(p => p.control, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(p => p.Finding.Severity)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var headline = $"Not yet: {open.Count} open finding{Plural(open.Count)} in {picture.Name} touch {byControl.Count} {label} control{Plural(byControl.Count)}.";
        var lines = byControl.Take(12)
            .Select(g => $"{g.Key}: {string.Join("; ", g.Select(p => $"{p.Finding.Title} ({p.Finding.Severity.ToString().ToLowerInvariant()}, {p.Finding.Id})").Distinct().Take(3))}")
            .ToList();
        var blocks = new List<ReplyBlock> { new Paragraph(headline), new Bullets(lines) };
        if (byControl.Count > lines.Count)
        {
            blocks.Add(new Note($"{byControl.Count - lines.Count} more controls in /threat report"));
        }

        blocks.Add(new Note("Close a gap by fixing the finding, then /threat status <id> mitigated \"how\"; an accepted risk stays listed in reports with its reason."));
        return new Reply(headline, blocks);
    }

    public static Reply Help(string command) => new(
        "What Vigil can do",
        [
            new Paragraph("I keep a living threat model of the designs discussed in this channel and flag what is risky."),
            new Bullets(
            [
                "@Vigil what are the risks here? — the risks of this thread (or of a component: “…of the webhook?”)",
                "@Vigil how do I fix F-1a2b3c4d? — the fix, references and where it was said",
                "@Vigil what changed? — new and resolved risks since the last version",
                "@Vigil is this covered for PCI DSS? — open findings by control (also ISO 27001, NIST 800-53)",
                $"{command} report [#channel | thread link | service] — the full report (Markdown)",
                $"{command} model — the data-flow diagram (Mermaid and PNG)",
                $"{command} status <finding-id> <open|mitigated|accepted|false-positive> \"reason\" [until YYYY-MM-DD]",
                $"{command} watch | unwatch [#channel] [low|medium|high|critical] — proactive summaries here, and their threshold",
                $"{command} digest — this week's digest now",
                $"{command} rules [disable|enable|severity <rule-id> …] — tune the rules for this workspace",
            ]),
            new Note("Buttons under each finding record a decision with your reason; nothing decided is announced again."),
        ]);

    public static Reply Unknown(string question, RiskPicture picture)
    {
        var open = picture.Open.ToList();
        var status = open.Count == 0 ? $"I have no open risks for {picture.Name}." : $"{picture.Name} has {open.Count} open risk{Plural(open.Count)} ({BySeverity(open.Select(i => i.Finding))}).";
        var text = $"I did not understand “{Quoted.Text(Shorten(question, 80))}” as a question I can answer. {status} Try “what are the risks here?”, “how do I fix F-…?”, “what changed?” or “is this covered for PCI DSS?”.";
        return Reply.Say(text);
    }

    private static void AddNotes(List<ReplyBlock> blocks, RiskPicture picture)
    {
        foreach (var note in picture.Notes)
        {
            blocks.Add(new Note(note));
        }
    }

    public static string BySeverity(IEnumerable<Finding> findings) => BySeverity(findings.Select(f => f.Severity));

    public static string BySeverity(IEnumerable<FindingView> findings) => BySeverity(findings.Select(f => f.Severity));

    private static string BySeverity(IEnumerable<Severity> severities) =>
        string.Join(", ", severities.GroupBy(s => s).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    private static string Plural(int count) => count == 1 ? "" : "s";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
