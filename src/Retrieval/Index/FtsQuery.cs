using System.Text.RegularExpressions;

namespace Vigil.Retrieval.Index;

/// <summary>
/// Turns a user's question into an FTS5 query that cannot fail: every word becomes a quoted string (FTS5 then reads
/// <c>orders.v1</c> as the phrase "orders v1"), the strings are OR-ed and BM25 ranks chunks that hold more of the rare
/// ones first. Quotes, operators (AND, OR, NOT, NEAR, -, *, ^, :, parentheses) and filler words are dropped.
/// </summary>
internal static partial class FtsQuery
{
    private const int MaxTerms = 32;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        // FTS5 operators: quoted they would be harmless words, but they are never what the user is asking about.
        "and", "or", "not", "near",
        "a", "about", "an", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
        "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "our",
        "should", "so", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "us", "was",
        "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    };

    // A word, or an identifier whose parts are joined by . _ - / : @ # ' (orders.v1, CVE-2024-1234, svc/api, user@host).
    // Everything else, quotes and operators included, separates words and is dropped.
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[._\-/:@#'][\p{L}\p{N}]+)*")]
    private static partial Regex Words();

    /// <summary>The FTS5 MATCH expression, or null when the text holds no searchable word.</summary>
    public static string? From(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match word in Words().Matches(text))
        {
            if (!Dropped.Contains(word.Value) && seen.Add(word.Value))
            {
                // The word holds no '"', so quoting it makes an FTS5 string: never an operator, column filter or prefix.
                terms.Add('"' + word.Value + '"');
                if (terms.Count == MaxTerms)
                {
                    break;
                }
            }
        }

        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }
}
