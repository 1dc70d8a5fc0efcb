using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.ThreatModel.Model;

/// <summary>
/// Turns the many ways people name one component ("payments svc", "the payment service", "pay-svc") into one key.
/// </summary>
public static partial class ElementNames
{
    private static readonly Dictionary<string, string> SuffixSynonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["service"] = "svc", ["services"] = "svc", ["svc"] = "svc", ["srv"] = "svc",
        ["api"] = "api", ["apis"] = "api",
        ["database"] = "db", ["db"] = "db",
        ["application"] = "app", ["app"] = "app",
        ["worker"] = "worker", ["workers"] = "worker",
    };

    /// <summary>A key equal for every spelling of the same name: lowercase, no articles, singular, suffixes unified.</summary>
    public static string Canonical(string name)
    {
        var words = WordSplit().Split(name.Trim().Trim('`', '"', '\'').ToLowerInvariant())
            .Where(w => w.Length > 0 && w is not ("the" or "our" or "a" or "an" or "new" or "this" or "that"))
            .Select(Singular)
            .Select(w => SuffixSynonyms.GetValueOrDefault(w, w))
            .ToList();
        return string.Join('-', words);
    }

    /// <summary>A short id for the element: the canonical key, safe for URLs and file names.</summary>
    public static string Id(string name)
    {
        var canonical = Canonical(name);
        var sb = new StringBuilder(canonical.Length);
        foreach (var c in canonical)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-');
        }

        var id = MultiDash().Replace(sb.ToString(), "-").Trim('-');
        return id.Length == 0 ? "element" : id;
    }

    // Names that end in "s" without being plurals.
    private static readonly HashSet<string> NotPlural = new(StringComparer.Ordinal)
    {
        "postgres", "kubernetes", "redis", "analytics", "status", "devops", "news", "series", "https", "sms", "aws", "gcs", "dns", "ops", "cors", "ads",
    };

    private static string Singular(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is") && !NotPlural.Contains(word)
            ? word[..^1]
            : word;

    [GeneratedRegex(@"[\s\-_/]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultiDash();
}
