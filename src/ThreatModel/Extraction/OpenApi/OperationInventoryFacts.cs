using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Each operation the API serves: its attack surface, one endpoint at a time.</summary>
internal sealed class OperationInventoryFacts : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec) =>
        spec.Operations.Select(op => spec.Fact(OpenApiFactKeys.ApiOperation, FactKind.Deployment, FactState.Present, op.Label, op.Label));
}
