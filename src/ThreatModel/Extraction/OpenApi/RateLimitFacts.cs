using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Rate limiting, as far as a spec can show it: a documented 429 response or RateLimit headers.</summary>
internal sealed class RateLimitFacts : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations)
        {
            foreach (var (status, response) in op.Responses)
            {
                var quote = status == "429"
                    ? $"{op.Label} 429"
                    : (response.Headers?.Keys ?? []).FirstOrDefault(IsRateLimitHeader) is { } header ? $"{op.Label} {header}" : null;
                if (quote is not null)
                {
                    yield return spec.Fact(OpenApiFactKeys.RateLimiting, FactKind.Control, FactState.Present, quote);
                    yield break;
                }
            }
        }
    }

    private static bool IsRateLimitHeader(string name) =>
        name.StartsWith("RateLimit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase);
}
