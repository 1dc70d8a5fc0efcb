using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Reads an OpenAPI 3.0/3.1 or Swagger 2.0 specification (YAML or JSON) into one service element, facts about its
/// operations and transport, and the sensitive data its schemas carry.
/// </summary>
public sealed class OpenApiExtractor : ISourceExtractor
{
    // Built on first use: a thread without a spec never pays for loading the lexicon.
    private readonly Lazy<SensitiveFieldLexicon> lexicon;
    private readonly Lazy<IOpenApiFactReader[]> readers;

    public OpenApiExtractor()
        : this(new Lazy<SensitiveFieldLexicon>(() => SensitiveFieldLexicon.Default))
    {
    }

    public OpenApiExtractor(SensitiveFieldLexicon lexicon)
        : this(new Lazy<SensitiveFieldLexicon>(lexicon))
    {
    }

    private OpenApiExtractor(Lazy<SensitiveFieldLexicon> lexicon)
    {
        this.lexicon = lexicon;
        readers = new Lazy<IOpenApiFactReader[]>(() =>
        [
            new TransportFacts(),
            new AuthenticationFacts(),
            new CredentialInUrlFacts(lexicon.Value),
            new OperationInventoryFacts(),
            new AdminInterfaceFacts(),
            new FileUploadFacts(),
            new WebhookReceiverFacts(),
            new OutboundWebhookFacts(),
            new SequentialIdFacts(),
            new UserSuppliedUrlFacts(),
            new RateLimitFacts(),
        ]);
    }

    public bool CanRead(SourceDocument source) => source.Kind switch
    {
        SourceKind.OpenApi => true,
        SourceKind.Document => OpenApiSniffer.IsClearlyOpenApi(source.Text),
        _ => false,
    };

    public void Extract(SourceDocument source, SystemModelBuilder builder)
    {
        var parsed = OpenApiSpecParser.Parse(source);
        var name = ServiceName.Of(parsed.Document, source.Id);
        var serviceId = builder.AddElement(name.Name, ElementKind.Service, new Evidence(source.Id, name.Quote), ["openapi"]);
        if (name.Title is { } title && !string.Equals(title, name.Name, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddAlias(serviceId, title);
        }

        var spec = new OpenApiSpec(parsed, source.Id, serviceId);
        foreach (var fact in ReadFacts(spec))
        {
            builder.AddFact(fact);
        }

        foreach (var hit in new SensitiveDataReader(lexicon.Value).Read(spec))
        {
            builder.AddData(hit.Name, hit.Field.Classification, hit.Field.Tags, serviceId, spec.Cite(hit.Location));
        }
    }

    /// <summary>Every fact the spec states, before the model builder merges facts that share a key and subject.</summary>
    internal IEnumerable<Fact> ReadFacts(OpenApiSpec spec) => readers.Value.SelectMany(reader => reader.Read(spec));
}
