namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>The shape of <c>Catalog/lexicon/openapi-sensitive-fields.yaml</c>, as written.</summary>
internal sealed class SensitiveFieldLexiconFile
{
    public List<string> SkipTypes { get; set; } = [];

    public List<string> UnlessFollowedBy { get; set; } = [];

    public List<Entry> Fields { get; set; } = [];

    internal sealed class Entry
    {
        public string Classification { get; set; } = "";

        public List<string> Tags { get; set; } = [];

        public List<string> Words { get; set; } = [];

        public List<string> Names { get; set; } = [];

        public List<string> Within { get; set; } = [];

        public List<string> Types { get; set; } = [];

        public List<string> UnlessFollowedBy { get; set; } = [];

        public List<string> UnlessPrecededBy { get; set; } = [];
    }
}
