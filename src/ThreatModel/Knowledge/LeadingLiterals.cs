namespace Vigil.ThreatModel.Knowledge;

/// <summary>
/// Reads a catalogue pattern for the words every match must start with ("\b(?:secret|api[- ]?key)" → secret, api), so
/// a sentence containing none of them skips the pattern without running it. Conservative: when the pattern does not
/// make it certain (an optional group first, a character class, a short word), it answers null and the pattern always runs.
/// </summary>
internal static class LeadingLiterals
{
    private const int MinimumLength = 3;

    public static IReadOnlyList<string>? Of(string pattern)
    {
        var i = 0;
        var literals = Alternation(pattern, ref i);
        return i == pattern.Length ? literals : null;
    }

    // branch ('|' branch)* up to an unmatched ')' or the end; null when any branch has no certain leading literal.
    private static List<string>? Alternation(string s, ref int i)
    {
        var all = new List<string>();
        var certain = true;
        while (true)
        {
            var branch = Branch(s, ref i);
            if (branch is null)
            {
                certain = false;
            }
            else
            {
                all.AddRange(branch);
            }

            SkipToBranchEnd(s, ref i);
            if (i < s.Length && s[i] == '|')
            {
                i++;
                continue;
            }

            return certain ? all : null;
        }
    }

    private static List<string>? Branch(string s, ref int i)
    {
        while (true)
        {
            if (At(s, i, "\\b") || At(s, i, "\\B"))
            {
                i += 2;
            }
            else if (i < s.Length && s[i] == '^')
            {
                i++;
            }
            else if (At(s, i, "(?<!") || At(s, i, "(?<=") || At(s, i, "(?=") || At(s, i, "(?!"))
            {
                SkipGroup(s, ref i);
            }
            else
            {
                break;
            }
        }

        if (i >= s.Length)
        {
            return null;
        }

        if (s[i] == '(')
        {
            var start = i;
            i++;
            if (At(s, i, "?:"))
            {
                i += 2;
            }
            else if (At(s, i, "?<") || At(s, i, "?'") || At(s, i, "?"))
            {
                i = start;
                return null;
            }

            var inner = Alternation(s, ref i);
            if (i >= s.Length || s[i] != ')')
            {
                return null;
            }

            i++;
            return IsOptionalQuantifier(s, i) ? null : inner;
        }

        var literal = new System.Text.StringBuilder();
        var lastStart = -1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && !char.IsLetterOrDigit(s[i + 1]))
            {
                lastStart = literal.Length;
                literal.Append(s[i + 1]);
                i += 2;
            }
            else if (char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '/' or '@' or ':' or '=' or '\'' or '"' or ',' or '<' or '>' or '!' or '%' or '#' or '&' or ';' or '~')
            {
                lastStart = literal.Length;
                literal.Append(c);
                i++;
            }
            else
            {
                break;
            }
        }

        // "keys?" does not promise the "s": drop the character a quantifier makes optional.
        if (IsOptionalQuantifier(s, i) && lastStart >= 0)
        {
            literal.Length = lastStart;
        }

        return literal.Length >= MinimumLength ? [literal.ToString()] : null;
    }

    private static bool IsOptionalQuantifier(string s, int i) =>
        i < s.Length && (s[i] is '?' or '*' || (s[i] == '{' && i + 1 < s.Length && s[i + 1] == '0'));

    private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    // Moves past a balanced group starting at '(' (character classes and escapes inside are skipped whole).
    private static void SkipGroup(string s, ref int i)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '[')
            {
                SkipClass(s, ref i);
            }
            else if (s[i] == '(')
            {
                depth++;
            }
            else if (s[i] == ')' && --depth == 0)
            {
                i++;
                return;
            }
        }
    }

    private static void SkipClass(string s, ref int i)
    {
        for (i++; i < s.Length && s[i] != ']'; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
        }
    }

    // Moves to the next top-level '|' or the ')' closing the current group.
    private static void SkipToBranchEnd(string s, ref int i)
    {
        while (i < s.Length && s[i] is not ('|' or ')'))
        {
            if (s[i] == '\\')
            {
                i += 2;
            }
            else if (s[i] == '[')
            {
                SkipClass(s, ref i);
                i++;
            }
            else if (s[i] == '(')
            {
                SkipGroup(s, ref i);
            }
            else
            {
                i++;
            }
        }
    }
}
