using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// The sensitive data the API takes in and gives out: every property of its request and response schemas (and of
/// the webhooks it sends), and its path/query/cookie parameters, matched against the lexicon.
/// </summary>
internal sealed class SensitiveDataReader(SensitiveFieldLexicon lexicon)
{
    public IEnumerable<SensitiveFieldHit> Read(OpenApiSpec spec)
    {
        // One set for the whole spec: a component is listed once, however many operations use it.
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var reported = new HashSet<(string, string)>();
        foreach (var op in spec.Operations.Concat(spec.Webhooks))
        {
            var fields = op.Parameters
                .Where(p => p.In is ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Cookie && p.Name is not null && p.Schema is not null)
                .Select(p => new SchemaField(p.Name!, p.Schema!, $"{op.Label} {p.Name}", Owner: null))
                .Concat(op.RequestSchemas.Concat(op.ResponseSchemas).SelectMany(schema => SchemaFields.Of(schema, op.Label, seen)));

            foreach (var field in fields)
            {
                if (lexicon.Match(field.Name, field.Owner, field.Type) is { } sensitive && reported.Add((field.Name, field.Location)))
                {
                    yield return new SensitiveFieldHit(field.Name, sensitive, field.Location);
                }
            }
        }
    }
}
