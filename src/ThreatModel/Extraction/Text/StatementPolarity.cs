using System.Text.RegularExpressions;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// Decides whether a phrase is stated as there, not there, or not yet there, from the words around it in its clause:
/// "no auth for now", "the plaintext listener is disabled", "TODO: TLS", "ticket to move it into Secrets Manager".
/// </summary>
internal static partial class StatementPolarity
{
    public static FactState Of(string sentence, int matchStart, int matchEnd, FactKind kind)
    {
        var (clauseStart, clauseEnd) = ClauseAround(sentence, matchStart, matchEnd);
        var before = LastWords(sentence[clauseStart..matchStart], 6);
        var after = sentence[matchEnd..clauseEnd];
        if (NegationBefore().IsMatch(before) || NegationAfter().IsMatch(after))
        {
            return FactState.Absent;
        }

        // A deferred practice is still the plan; a deferred control is not in place yet.
        if (kind == FactKind.Control && Deferral().IsMatch(sentence[clauseStart..clauseEnd]))
        {
            return FactState.Planned;
        }

        return FactState.Present;
    }

    // Negation reaches a few words ahead ("no per-user or per-IP limits"), not across a whole run-on clause.
    private static string LastWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - count)));
    }

    internal static (int Start, int End) ClauseAround(string sentence, int matchStart, int matchEnd)
    {
        var start = 0;
        foreach (Match delimiter in ClauseDelimiter().Matches(sentence[..matchStart]))
        {
            start = delimiter.Index + delimiter.Length;
        }

        var next = ClauseDelimiter().Match(sentence, matchEnd);
        return (start, next.Success ? next.Index : sentence.Length);
    }

    [GeneratedRegex(@"[,;:()\[\]]|\s(?:but|so|while|whereas|although|though|because|bc|since|which|except)\s|\s[—–-]\s|\s\+\s", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseDelimiter();

    [GeneratedRegex(@"(?:\b(?:no|not|without|never|none|nothing|nobody|zero|lacks?|lacking|missing|disabled?|removed|skip(?:s|ped)?|instead of|neither|nor|rather than)\b|n['’]t\b|\bcan ?not\b)(?!\s+(?:only|just|longer needed)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NegationBefore();

    [GeneratedRegex(@"^[\s\w`'""-]{0,30}?\b(?:(?:is|are|was|were|be|been|gets?|got|stays?|remains?|left|turned|set to)\s+)+(?:not\b|never\b|disabled\b|off\b|closed\b|missing\b|absent\b|none\b|false\b|removed\b|optional\b|skipped\b)|^\W{0,3}(?:disabled|off|none|false|n/a|never (?:enabled|configured|set|turned on|checked|verified))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegationAfter();

    [GeneratedRegex(@"\b(?:todo|tbd|later|eventually|someday|next (?:sprint|quarter|release)|backlog|ticket|follow[- ]?up|will (?:add|move|fix|do|enable|turn|get)|(?:plan|planned|planning|going|want|wants|need|needs|hope) to|parked|not yet|to move|low(?:ish)? prio\w*|at some point|in (?:v2|phase 2))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Deferral();
}
