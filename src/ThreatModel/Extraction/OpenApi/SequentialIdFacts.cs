using Microsoft.OpenApi;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Objects addressed by an integer id in the path: guessable by counting, the usual start of an IDOR.</summary>
internal sealed class SequentialIdFacts : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations)
        {
            var id = op.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && IsIdentifier(p.Name) && SchemaTypeName.IsInteger(p.Schema));
            if (id is not null)
            {
                yield return spec.Fact(OpenApiFactKeys.SequentialId, FactKind.Practice, FactState.Present, $"{op.Label} {id.Name}: integer", op.Label);
            }
        }
    }

    // "id", "order_id", "userId": the last word is "id".
    private static bool IsIdentifier(string? name) => FieldWords.Split(name) is { Length: > 0 } words && words[^1] == "id";
}
