using Microsoft.OpenApi;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Secrets sent in the query string, where proxies, access logs and browser history keep them:
/// apiKey schemes <c>in: query</c>, and query parameters named like a credential.
/// </summary>
internal sealed class CredentialInUrlFacts(SensitiveFieldLexicon lexicon) : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var (name, scheme) in spec.UsedSecuritySchemes())
        {
            if (scheme.Type == SecuritySchemeType.ApiKey && scheme.In == ParameterLocation.Query)
            {
                var text = SecuritySchemeText.Describe(scheme);
                yield return spec.Fact(OpenApiFactKeys.CredentialInUrl, FactKind.Practice, FactState.Present, $"{name}: {text}", text);
            }
        }

        foreach (var op in spec.Operations)
        {
            foreach (var parameter in op.Parameters.Where(p => p.In == ParameterLocation.Query && p.Name is not null))
            {
                var field = lexicon.Match(parameter.Name!, type: parameter.Schema is null ? null : SchemaTypeName.Of(parameter.Schema));
                if (field is not null && field.Tags.Contains("credentials"))
                {
                    var detail = $"{op.Label} {parameter.Name}";
                    yield return spec.Fact(OpenApiFactKeys.CredentialInUrl, FactKind.Practice, FactState.Present, $"{op.Label}?{parameter.Name}=", detail);
                }
            }
        }
    }
}
