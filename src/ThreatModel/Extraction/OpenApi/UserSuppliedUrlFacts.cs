using Microsoft.OpenApi;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// URLs the caller chooses and the server may later fetch or redirect to (SSRF and open-redirect candidates):
/// request fields and parameters typed as a URI, or named like a URL, callback, webhook, issuer or redirect.
/// </summary>
internal sealed class UserSuppliedUrlFacts : IOpenApiFactReader
{
    private static readonly HashSet<string> UrlFormats = new(StringComparer.OrdinalIgnoreCase) { "uri", "url", "uri-reference", "iri", "iri-reference" };
    private static readonly string[] UrlWords = ["url", "uri", "callback", "webhook", "issuer", "redirect"];

    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations)
        {
            var parameters = op.Parameters
                .Where(p => p.In is ParameterLocation.Query or ParameterLocation.Path && p.Name is not null)
                .Select(p => (Name: p.Name!, p.Schema));
            var bodyFields = op.RequestSchemas
                .SelectMany(schema => SchemaFields.Of(schema, op.Label))
                .Where(field => !field.Schema.ReadOnly)
                .Select(field => (field.Name, Schema: (IOpenApiSchema?)field.Schema));

            foreach (var name in parameters.Concat(bodyFields).Where(IsUrl).Select(f => f.Name).Distinct(StringComparer.Ordinal))
            {
                var detail = $"{op.Label} {name}";
                yield return spec.Fact(OpenApiFactKeys.UserSuppliedUrl, FactKind.Practice, FactState.Present, detail, detail);
            }
        }
    }

    private static bool IsUrl((string Name, IOpenApiSchema? Schema) field)
    {
        var type = field.Schema is null ? null : SchemaTypeName.Of(field.Schema);
        if (type is not (null or "string"))
        {
            return false;
        }

        return (field.Schema?.Format is { } format && UrlFormats.Contains(format))
            || FieldWords.Split(field.Name).Any(word => UrlWords.Any(url => FieldWords.Same(word, url)));
    }
}
