using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Requests the API itself sends to URLs others registered: operation callbacks (3.0) and top-level webhooks (3.1).
/// </summary>
internal sealed class OutboundWebhookFacts : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations)
        {
            foreach (var (name, callback) in op.Operation.Callbacks ?? new Dictionary<string, Microsoft.OpenApi.IOpenApiCallback>())
            {
                foreach (var (expression, item) in callback.PathItems ?? [])
                {
                    foreach (var method in (item.Operations ?? []).Keys)
                    {
                        var detail = $"{method.Method.ToUpperInvariant()} {expression.Expression}";
                        yield return spec.Fact(OpenApiFactKeys.OutboundWebhook, FactKind.Deployment, FactState.Present, $"{op.Label} callbacks: {name}", detail);
                    }
                }
            }
        }

        foreach (var webhook in spec.Webhooks)
        {
            yield return spec.Fact(OpenApiFactKeys.OutboundWebhook, FactKind.Deployment, FactState.Present, $"webhooks: {webhook.Path}", webhook.Label);
        }
    }
}
