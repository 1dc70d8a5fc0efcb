using Microsoft.OpenApi;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Which authentication schemes the API uses, which operations anyone can call, and which rely on one shared static key.
/// </summary>
internal sealed class AuthenticationFacts : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var (name, scheme) in spec.UsedSecuritySchemes())
        {
            var text = SecuritySchemeText.Describe(scheme);
            yield return spec.Fact(OpenApiFactKeys.Authentication, FactKind.Control, FactState.Present, $"{name}: {text}", text);
        }

        foreach (var op in spec.Operations)
        {
            if (Unauthenticated(op) is { } quote)
            {
                yield return spec.Fact(OpenApiFactKeys.UnauthenticatedOperation, FactKind.Practice, FactState.Present, quote, op.Label);
            }

            if (SharedKey(op) is { } keys)
            {
                yield return spec.Fact(OpenApiFactKeys.SharedApiKey, FactKind.Practice, FactState.Present, $"{op.Label} security: {keys}", op.Label);
            }
        }
    }

    /// <summary>The evidence when anyone may call the operation: no requirement in force, or one that is empty (auth optional).</summary>
    private static string? Unauthenticated(ApiOperation op) => op.Security switch
    {
        null => op.Label,
        { Count: 0 } => $"{op.Label} security: []",
        var requirements when requirements.Any(requirement => requirement.Count == 0) => $"{op.Label} security: {{}}",
        _ => null,
    };

    /// <summary>The key schemes when every way to call the operation is a static API key, else null.</summary>
    private static string? SharedKey(ApiOperation op)
    {
        var alternatives = (op.Security ?? []).Where(requirement => requirement.Count > 0).ToList();
        if (alternatives.Count == 0)
        {
            return null;
        }

        var schemes = alternatives.SelectMany(requirement => requirement.Keys).ToList();
        if (!schemes.All(scheme => StaticApiKey.Is(OpenApiSpec.SchemeName(scheme), scheme)))
        {
            return null;
        }

        return string.Join(", ", schemes
            .Select(scheme => $"{OpenApiSpec.SchemeName(scheme)} ({SecuritySchemeText.Describe(scheme)})")
            .Distinct(StringComparer.Ordinal));
    }
}
