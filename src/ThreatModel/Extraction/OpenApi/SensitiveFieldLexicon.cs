using Vigil.ThreatModel.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Which schema property names carry sensitive data, read from a YAML lexicon a security team can tune
/// (embedded: <c>Catalog/lexicon/openapi-sensitive-fields.yaml</c>). Names match by whole words, in any casing style.
/// </summary>
public sealed class SensitiveFieldLexicon
{
    public const string ResourceName = "Catalog/lexicon/openapi-sensitive-fields.yaml";

    private static readonly Lazy<SensitiveFieldLexicon> Embedded = new(LoadEmbedded);

    private readonly IReadOnlyList<SensitiveFieldRule> rules;
    private readonly IReadOnlySet<string> skipTypes;

    private SensitiveFieldLexicon(IReadOnlyList<SensitiveFieldRule> rules, IReadOnlySet<string> skipTypes)
    {
        this.rules = rules;
        this.skipTypes = skipTypes;
    }

    /// <summary>The lexicon shipped in the assembly.</summary>
    public static SensitiveFieldLexicon Default => Embedded.Value;

    /// <summary>Reads a lexicon in the embedded file's format (to override it from a folder).</summary>
    /// <exception cref="InvalidDataException">The YAML is malformed or an entry is invalid; the message says which.</exception>
    public static SensitiveFieldLexicon Parse(string yaml)
    {
        SensitiveFieldLexiconFile file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<SensitiveFieldLexiconFile?>(yaml) ?? new SensitiveFieldLexiconFile();
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"sensitive field lexicon: {ex.Message}", ex);
        }

        var defaultUnless = file.UnlessFollowedBy.SelectMany(FieldWords.Split).ToList();
        var rules = file.Fields.Select((entry, index) => ToRule(entry, index, defaultUnless)).ToList();
        return new SensitiveFieldLexicon(rules, file.SkipTypes.Select(t => t.ToLowerInvariant()).ToHashSet());
    }

    /// <summary>The most sensitive entry a property name matches, or null.</summary>
    /// <param name="fieldName">The property name as written, any casing style.</param>
    /// <param name="owner">The schema or object property holding it; some names ("name") only count inside a person-like schema.</param>
    /// <param name="type">The JSON type ("string", "boolean", …) when known.</param>
    public SensitiveField? Match(string fieldName, string? owner = null, string? type = null)
    {
        if (type is not null && skipTypes.Contains(type))
        {
            return null;
        }

        var words = FieldWords.Split(fieldName);
        if (words.Length == 0)
        {
            return null;
        }

        var ownerWords = FieldWords.Split(owner);
        SensitiveField? best = null;
        foreach (var rule in rules)
        {
            if ((best is null || rule.Field.Classification > best.Classification) && rule.Matches(words, ownerWords, type))
            {
                best = rule.Field;
            }
        }

        return best;
    }

    private static SensitiveFieldRule ToRule(SensitiveFieldLexiconFile.Entry entry, int index, List<string> defaultUnless)
    {
        if (!Enum.TryParse<Classification>(entry.Classification, ignoreCase: true, out var classification))
        {
            throw new InvalidDataException(
                $"sensitive field lexicon: fields[{index}] has classification '{entry.Classification}'; expected one of {string.Join(", ", Enum.GetNames<Classification>())}");
        }

        if (entry.Words.Count == 0 && entry.Names.Count == 0)
        {
            throw new InvalidDataException($"sensitive field lexicon: fields[{index}] has neither words nor names");
        }

        return new SensitiveFieldRule(
            new SensitiveField(classification, entry.Tags),
            entry.Words.Select(FieldWords.Split).Where(w => w.Length > 0).ToArray(),
            entry.Names.Select(FieldWords.Split).Where(w => w.Length > 0).ToArray(),
            entry.Within.SelectMany(FieldWords.Split).ToHashSet(StringComparer.Ordinal),
            entry.Types.Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            [.. defaultUnless, .. entry.UnlessFollowedBy.SelectMany(FieldWords.Split)],
            [.. entry.UnlessPrecededBy.SelectMany(FieldWords.Split)]);
    }

    private static SensitiveFieldLexicon LoadEmbedded()
    {
        using var stream = typeof(SensitiveFieldLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from {typeof(SensitiveFieldLexicon).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
