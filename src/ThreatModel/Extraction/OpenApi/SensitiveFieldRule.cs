namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>One lexicon entry, its phrases already split into words.</summary>
internal sealed class SensitiveFieldRule(
    SensitiveField sensitive,
    string[][] words,
    string[][] names,
    IReadOnlySet<string> within,
    IReadOnlySet<string> types,
    IReadOnlyList<string> unlessFollowedBy,
    IReadOnlyList<string> unlessPrecededBy)
{
    public SensitiveField Field => sensitive;

    public bool Matches(string[] fieldWords, string[] ownerWords, string? type)
    {
        if (types.Count > 0 && type is not null && !types.Contains(type))
        {
            return false;
        }

        if (within.Count > 0 && !ownerWords.Any(word => within.Any(expected => FieldWords.Same(word, expected))))
        {
            return false;
        }

        return names.Any(name => IsWholeName(fieldWords, name)) || words.Any(phrase => ContainsPhrase(fieldWords, phrase));
    }

    private static bool IsWholeName(string[] fieldWords, string[] name) =>
        fieldWords.Length == name.Length && fieldWords.Zip(name).All(pair => FieldWords.Same(pair.First, pair.Second));

    // Whole words in order: "token" is in "access_token" but not in "tokenize"; "token_type" and "page_token" are not secrets.
    private bool ContainsPhrase(string[] fieldWords, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= fieldWords.Length; start++)
        {
            var matched = true;
            for (var i = 0; i < phrase.Length && matched; i++)
            {
                matched = FieldWords.Same(fieldWords[start + i], phrase[i]);
            }

            if (matched && !Qualified(fieldWords, start, start + phrase.Length))
            {
                return true;
            }
        }

        return false;
    }

    private bool Qualified(string[] fieldWords, int start, int next) =>
        (next < fieldWords.Length && unlessFollowedBy.Any(word => FieldWords.Same(fieldWords[next], word)))
        || (start > 0 && unlessPrecededBy.Any(word => FieldWords.Same(fieldWords[start - 1], word)));
}
