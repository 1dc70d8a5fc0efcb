using System.Text;

namespace Vigil.ThreatModel.Export;

/// <summary>Makes user text safe inside a quoted Mermaid label and ids safe as Mermaid node ids.</summary>
internal static class MermaidText
{
    /// <summary>
    /// Text for use between double quotes. Characters Mermaid or its HTML labels would read as syntax become
    /// Mermaid entity codes (<c>#quot;</c>, <c>#35;</c>…), so a name can never close the label or start markup.
    /// </summary>
    public static string Label(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                '|' => "#124;",
                '\r' or '\n' or '\t' => " ",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }

        return sb.ToString().Trim();
    }

    /// <summary>An id made of letters, digits and underscores, with a prefix so it is never a keyword such as <c>end</c>.</summary>
    public static string Id(string prefix, string raw)
    {
        var sb = new StringBuilder(prefix.Length + raw.Length).Append(prefix);
        foreach (var c in raw)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return sb.ToString();
    }
}
