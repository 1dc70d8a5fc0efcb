using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Operations that receive webhooks or callbacks from another system, named so in the path, operationId or summary;
/// endpoints that manage webhook subscriptions are not receivers.
/// </summary>
internal sealed class WebhookReceiverFacts : IOpenApiFactReader
{
    private static readonly HashSet<string> HookWords = new(StringComparer.Ordinal) { "webhook", "webhooks", "hook", "hooks", "callback", "callbacks" };

    private static readonly HashSet<string> ManagementWords = new(StringComparer.Ordinal)
    {
        "subscription", "subscriptions", "subscribe", "register", "registration", "endpoint", "endpoints", "config", "configuration", "settings",
    };

    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations.Where(op => op.Method is "POST" or "PUT"))
        {
            var words = OperationWords.OfNameAndSummary(op).ToList();
            if (words.Any(HookWords.Contains) && !words.Any(ManagementWords.Contains))
            {
                yield return spec.Fact(OpenApiFactKeys.WebhookReceiver, FactKind.Deployment, FactState.Present, op.Label, op.Label);
            }
        }
    }
}
