using System.Text;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Splits an identifier into lowercase words at separators, camelCase humps and digits:
/// "cardNumber", "card_number" and "CARD-NUMBER" are all ["card", "number"]; "APIKey" is ["api", "key"].
/// </summary>
internal static class FieldWords
{
    public static string[] Split(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        var words = new List<string>(4);
        var word = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(word, words);
                continue;
            }

            if (word.Length > 0 && StartsWord(name, i))
            {
                Flush(word, words);
            }

            word.Append(char.ToLowerInvariant(c));
        }

        Flush(word, words);
        return [.. words];
    }

    /// <summary>Whether a word's tokens, compared as words, read the same; a plural "s"/"es" on the first is ignored.</summary>
    public static bool Same(string word, string expected) =>
        word == expected
        || (word.Length == expected.Length + 1 && word[^1] == 's' && word.StartsWith(expected, StringComparison.Ordinal))
        || (word.Length == expected.Length + 2 && word.EndsWith("es", StringComparison.Ordinal) && word.StartsWith(expected, StringComparison.Ordinal));

    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        var current = name[i];
        return (char.IsLower(previous) && char.IsUpper(current))
            || (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < name.Length && char.IsLower(name[i + 1]))
            || (char.IsLetterOrDigit(previous) && char.IsDigit(previous) != char.IsDigit(current));
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
