using System.Text;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// Makes chat text render as the words people wrote: no accidental emphasis, links, HTML, code spans or broken
/// tables. Text from a design thread is untrusted, so raw HTML is always neutralised.
/// </summary>
internal static class MarkdownText
{
    /// <summary>One line of text inside a paragraph, list item or heading.</summary>
    public static string Inline(string text) => Escape(OneLine(text), escapePipes: false);

    /// <summary>Text inside a table cell: one line, and a pipe never ends the cell.</summary>
    public static string Cell(string text) => Escape(OneLine(text), escapePipes: true);

    /// <summary>Several lines; a line that would start a heading, list or quote is kept as text.</summary>
    public static IEnumerable<string> Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(line => GuardLineStart(Escape(line.TrimEnd(), escapePipes: false)));

    /// <summary>A code span that holds any text, backticks included (CommonMark: a longer fence).</summary>
    public static string Code(string text)
    {
        var content = OneLine(text);
        var longestRun = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{content}{pad}{fence}";
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string Escape(string text, bool escapePipes)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '|' when escapePipes: sb.Append("\\|"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    // Leading spaces would make an indented code block; "- x", "+ x", "1. x" and "=" underlines a list or heading.
    private static string GuardLineStart(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        if (trimmed[0] is '-' or '+' or '=')
        {
            return "\\" + trimmed;
        }

        var digits = trimmed.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')'
            ? trimmed[..digits] + "\\" + trimmed[digits..]
            : trimmed;
    }
}
