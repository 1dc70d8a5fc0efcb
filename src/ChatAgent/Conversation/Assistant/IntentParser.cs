using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Assistant;

/// <summary>
/// Understands what people type to Vigil, as a command (<c>/threat status F-1a2b mitigated "HMAC added"</c>) or in
/// plain words ("@Vigil how do we fix the webhook one?"). Deterministic: the same words always mean the same thing.
/// </summary>
public static partial class IntentParser
{
    /// <summary>A <c>/threat</c> command's text: the first word is the verb.</summary>
    public static Intent ParseCommand(string text)
    {
        var trimmed = text.Trim();
        var verb = trimmed.Split(' ', 2)[0].ToLowerInvariant();
        var rest = trimmed.Length > verb.Length ? trimmed[verb.Length..].Trim() : "";
        return verb switch
        {
            "" or "help" or "?" => new Intent(IntentKind.Help),
            "report" => new Intent(IntentKind.Report, Subject: Blank(rest)),
            "model" or "diagram" or "dfd" => new Intent(IntentKind.Model, Subject: Blank(rest)),
            "digest" => new Intent(IntentKind.Digest),
            "watch" => Watch(rest),
            "unwatch" => new Intent(IntentKind.Unwatch, Subject: Blank(rest)),
            "status" => Status(rest),
            "rules" or "rule" => Rules(rest),
            "risks" or "risk" => new Intent(IntentKind.Risks, Subject: Blank(rest)),
            "changes" or "changed" or "diff" => new Intent(IntentKind.WhatChanged),
            "fix" => Fix(rest),
            _ => new Intent(IntentKind.Unknown, Error: $"'{verb}' is not a /threat command"),
        };
    }

    /// <summary>A mention's question, in plain words.</summary>
    public static Intent ParseQuestion(string text)
    {
        var question = text.Trim();
        var lower = question.ToLowerInvariant();
        if (lower.Length == 0 || HelpPattern().IsMatch(lower))
        {
            return new Intent(IntentKind.Help);
        }

        // Only an explicit instruction records a decision: "mark F-… as mitigated because …". A question ("why is
        // F-… not accepted?") or a negation must never land in the append-only ledger.
        if (DecisionPattern().Match(question) is { Success: true } said && !lower.Contains('?', StringComparison.Ordinal)
            && !NegationPattern().IsMatch(question[..(said.Index + said.Length)])
            && FindingIdPattern().Match(said.Value) is { Success: true } id
            && ParseStatus(said.Groups["status"].Value.Replace(' ', '-')) is { } status)
        {
            // "mark F-1a2b3c4d as mitigated because the webhook now checks the HMAC"
            var reason = ReasonLead().Replace(question[(said.Index + said.Length)..], "").Trim().Trim('"', '“', '”');
            return new Intent(IntentKind.SetStatus, FindingId: NormalizeId(id.Value), Status: status, Reason: reason);
        }

        if (FixPattern().IsMatch(lower))
        {
            return Fix(question);
        }

        if (ChangedPattern().IsMatch(lower))
        {
            return new Intent(IntentKind.WhatChanged);
        }

        if (Framework(lower) is { } framework)
        {
            return new Intent(IntentKind.Compliance, Framework: framework);
        }

        // "risks of the reporting service" or "…in the data model" ask about risks, not for a report or a diagram.
        if (RiskPattern().IsMatch(lower))
        {
            return new Intent(IntentKind.Risks, Subject: Subject(question));
        }

        if (ReportPattern().IsMatch(lower))
        {
            return new Intent(IntentKind.Report);
        }

        if (ModelPattern().IsMatch(lower))
        {
            return new Intent(IntentKind.Model);
        }

        return new Intent(IntentKind.Unknown, Subject: question);
    }

    private static Intent Watch(string rest)
    {
        Severity? threshold = null;
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var word in words.ToList())
        {
            if (Enum.TryParse<Severity>(word, ignoreCase: true, out var severity) && !int.TryParse(word, out _))
            {
                threshold = severity;
                words.Remove(word);
            }
        }

        return new Intent(IntentKind.Watch, Subject: Blank(string.Join(' ', words)), Severity: threshold);
    }

    private static Intent Status(string rest)
    {
        var match = StatusCommand().Match(rest.Trim());
        if (!match.Success)
        {
            return new Intent(IntentKind.SetStatus, Error: "usage: /threat status <finding-id> <open|mitigated|accepted|false-positive> \"reason\" [until YYYY-MM-DD]");
        }

        var status = ParseStatus(match.Groups["status"].Value);
        if (status is null)
        {
            return new Intent(IntentKind.SetStatus, Error: $"'{match.Groups["status"].Value}' is not a status: use open, mitigated, accepted or false-positive");
        }

        DateOnly? until = null;
        if (match.Groups["until"].Success)
        {
            if (!DateOnly.TryParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new Intent(IntentKind.SetStatus, Error: $"'{match.Groups["until"].Value}' is not a date like 2027-03-31");
            }

            until = date;
        }

        var reason = (match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["plain"].Value).Trim();
        return new Intent(IntentKind.SetStatus, FindingId: NormalizeId(match.Groups["id"].Value), Status: status, Reason: reason, Until: until);
    }

    private static Intent Rules(string rest)
    {
        var match = RulesCommand().Match(rest.Trim());
        if (rest.Trim().Length == 0)
        {
            return new Intent(IntentKind.Rules);
        }

        if (!match.Success)
        {
            return new Intent(IntentKind.Rules, Error: "usage: /threat rules [disable|enable <rule-id> \"reason\" | severity <rule-id> <low|medium|high|critical> \"reason\"]");
        }

        var action = match.Groups["action"].Value.ToLowerInvariant();
        Severity? severity = null;
        if (action == "severity")
        {
            if (!Enum.TryParse<Severity>(match.Groups["severity"].Value, ignoreCase: true, out var parsed))
            {
                return new Intent(IntentKind.Rules, Error: "say which severity: /threat rules severity <rule-id> <low|medium|high|critical> \"reason\"");
            }

            severity = parsed;
        }

        return new Intent(IntentKind.Rules, RuleAction: action, RuleId: match.Groups["rule"].Value, Severity: severity, Reason: match.Groups["reason"].Value.Trim().Trim('"', '“', '”'));
    }

    private static Intent Fix(string text) =>
        FindingIdPattern().Match(text) is { Success: true } id
            ? new Intent(IntentKind.HowToFix, FindingId: NormalizeId(id.Value))
            : new Intent(IntentKind.HowToFix, Subject: Subject(text));

    private static FindingStatus? ParseStatus(string word) => word.ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal) switch
    {
        "open" or "reopen" or "reopened" => FindingStatus.Open,
        "mitigated" or "fixed" or "resolved" => FindingStatus.Mitigated,
        "accepted" or "accept" or "accepted-risk" => FindingStatus.Accepted,
        "false-positive" or "falsepositive" or "fp" or "not-a-risk" => FindingStatus.FalsePositive,
        _ => null,
    };

    private static string? Framework(string lower) =>
        FrameworkWord(lower, "pci") ? "pciDss"
        : lower.Contains("27001", StringComparison.Ordinal) || FrameworkWord(lower, "iso") ? "iso27001"
        : FrameworkWord(lower, "nist") || lower.Contains("800-53", StringComparison.Ordinal) ? "nist80053"
        : lower.Contains("complian", StringComparison.Ordinal) ? "all"
        : null;

    // Whole words only: "administrator" is not NIST, "special" is not PCI.
    private static bool FrameworkWord(string lower, string word) => Regex.IsMatch(lower, $@"\b{word}(-dss)?\b", RegexOptions.CultureInvariant);

    /// <summary>What is left of a question once the asking words are gone: the component or topic it is about.</summary>
    private static string? Subject(string question)
    {
        var words = SubjectWord().Matches(question.ToLowerInvariant()).Select(m => m.Value).Where(w => !Filler.Contains(w)).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static string NormalizeId(string id) => "F-" + id[2..].ToLowerInvariant();

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "what", "whats", "what's", "are", "is", "the", "a", "an", "of", "in", "on", "for", "to", "this", "that", "these", "here", "there",
        "risks", "risk", "risky", "threats", "threat", "any", "do", "does", "we", "i", "you", "see", "with", "about", "our", "my",
        "how", "can", "should", "fix", "mitigate", "it", "one", "ones", "thread", "design", "security", "issues", "issue", "concerns",
        "main", "biggest", "top", "please", "vigil", "hey", "hi", "be", "there", "and", "or", "any", "problems", "wrong", "safe", "secure",
        "vulnerabilities", "attack", "attacks", "so", "far", "now", "me", "tell", "show", "give", "list", "current", "currently",
    };

    [GeneratedRegex(@"^(help|\?|what can you do\??|how do (i|we) use (you|vigil)\??|commands\??)$")]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"\b(how (do|can|should|would) (i|we|you)\b.*\b(fix|mitigate|address|remediate|solve|handle|close)|\bfix(es)? for\b|\bremediat|\bmitigat(e|ion)s? for\b|^fix\b)")]
    private static partial Regex FixPattern();

    [GeneratedRegex(@"\b(what('s| has| have)? (changed|new)|what changed|since (yesterday|last|the last)|diff\b|changes\b)")]
    private static partial Regex ChangedPattern();

    [GeneratedRegex(@"\b(model|diagram|dfd|data ?flows?)\b")]
    private static partial Regex ModelPattern();

    [GeneratedRegex(@"\b(risk|risks|risky|threat|threats|secure|security|safe|concern|concerns|wrong|vulnerab\w*|attack\w*|worr\w+|problem\w*|issues?|look)\b")]
    private static partial Regex RiskPattern();

    [GeneratedRegex(@"\breports?\b")]
    private static partial Regex ReportPattern();

    [GeneratedRegex(@"^\s*(mark|set|flag|record)\s+(?<id>[Ff]-[0-9a-fA-F]{8})\s+(as\s+)?(?<status>mitigated|accepted|false[ -]positive|open)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionPattern();

    [GeneratedRegex(@"\b(not|n't|never)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegationPattern();

    [GeneratedRegex(@"\b[Ff]-[0-9a-fA-F]{8}\b")]
    private static partial Regex FindingIdPattern();

    [GeneratedRegex(@"^\s*(because|since|as|:|-|–|—|reason:?)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonLead();

    [GeneratedRegex(@"^(?<id>[Ff]-[0-9a-fA-F]{8})\s+(as\s+)?(?<status>[A-Za-z_-]+)\s*(?:[""“](?<quoted>[^""”]*)[""”]|(?<plain>(?:(?!\buntil\b).)*))\s*(?:until\s+(?<until>\S+))?\s*$", RegexOptions.Singleline)]
    private static partial Regex StatusCommand();

    [GeneratedRegex(@"^(?<action>disable|enable|severity)\s+(?<rule>[A-Za-z0-9._-]+)\s*(?<severity>low|medium|high|critical)?\s*(?<reason>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex RulesCommand();

    [GeneratedRegex(@"[a-z0-9][a-z0-9._'-]*")]
    private static partial Regex SubjectWord();
}
