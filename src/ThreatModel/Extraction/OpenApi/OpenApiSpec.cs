using Microsoft.OpenApi;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>A parsed specification seen as what the fact readers need: its operations, where it came from, whom facts are about.</summary>
internal sealed class OpenApiSpec
{
    public OpenApiSpec(ParsedSpec parsed, string sourceId, string serviceId)
    {
        Document = parsed.Document;
        Version = parsed.Version;
        SourceId = sourceId;
        ServiceId = serviceId;
        Operations = OperationsOf(Document.Paths ?? [], Document.Security);
        Webhooks = OperationsOf(Document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>(), documentSecurity: null);
    }

    public OpenApiDocument Document { get; }

    public OpenApiSpecVersion Version { get; }

    public string SourceId { get; }

    public string ServiceId { get; }

    /// <summary>The operations the API serves, in document order.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>OpenAPI 3.1 top-level webhooks: requests the API sends, keyed by webhook name instead of path.</summary>
    public IReadOnlyList<ApiOperation> Webhooks { get; }

    public Evidence Cite(string quote) => new(SourceId, quote);

    public Fact Fact(string key, FactKind kind, FactState state, string quote, string? detail = null) =>
        new(key, kind, state, ServiceId, Cite(quote), detail);

    /// <summary>Security schemes named by any requirement in force, by name, in first-use order.</summary>
    public IReadOnlyList<(string Name, IOpenApiSecurityScheme Scheme)> UsedSecuritySchemes()
    {
        var used = new List<(string, IOpenApiSecurityScheme)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var requirements = (Document.Security ?? []).Concat(Operations.SelectMany(op => op.Security ?? []));
        foreach (var scheme in requirements.SelectMany(requirement => requirement.Keys))
        {
            var name = SchemeName(scheme);
            if (seen.Add(name))
            {
                used.Add((name, scheme));
            }
        }

        return used;
    }

    public static string SchemeName(OpenApiSecuritySchemeReference scheme) => scheme.Reference?.Id ?? scheme.Name ?? "unnamed";

    private static List<ApiOperation> OperationsOf(IEnumerable<KeyValuePair<string, IOpenApiPathItem>> paths, IList<OpenApiSecurityRequirement>? documentSecurity)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(new ApiOperation(
                    method.Method.ToUpperInvariant(),
                    path,
                    operation,
                    MergeParameters(item.Parameters, operation.Parameters),
                    operation.Security ?? documentSecurity));
            }
        }

        return operations;
    }

    private static List<IOpenApiParameter> MergeParameters(IList<IOpenApiParameter>? inherited, IList<IOpenApiParameter>? own)
    {
        var merged = new List<IOpenApiParameter>(own ?? []);
        foreach (var parameter in inherited ?? [])
        {
            if (!merged.Any(p => p.In == parameter.In && string.Equals(p.Name, parameter.Name, StringComparison.Ordinal)))
            {
                merged.Add(parameter);
            }
        }

        return merged;
    }
}
