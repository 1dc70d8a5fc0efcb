using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Operations meant for operators, not end users: admin/internal/management paths, or tagged admin.</summary>
internal sealed class AdminInterfaceFacts : IOpenApiFactReader
{
    private static readonly HashSet<string> PathWords = new(StringComparer.Ordinal)
    {
        "admin", "administration", "internal", "manage", "management", "ops", "debug", "actuator", "staff", "backoffice", "superuser",
    };

    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations)
        {
            var byPath = OperationWords.OfPath(op.Path).Any(PathWords.Contains);
            var byTag = (op.Operation.Tags ?? Enumerable.Empty<Microsoft.OpenApi.OpenApiTagReference>()).Any(tag => FieldWords.Split(tag.Name).Contains("admin"));
            if (byPath || byTag)
            {
                yield return spec.Fact(OpenApiFactKeys.AdminInterface, FactKind.Deployment, FactState.Present, op.Label, op.Label);
            }
        }
    }
}
