using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>One operation with what it inherits from its path item and the document.</summary>
/// <param name="Parameters">Path-item parameters merged with the operation's own (the operation's win).</param>
/// <param name="Security">The requirements in force: the operation's own, else the document's; null when neither declares any.</param>
internal sealed record ApiOperation(
    string Method,
    string Path,
    OpenApiOperation Operation,
    IReadOnlyList<IOpenApiParameter> Parameters,
    IList<OpenApiSecurityRequirement>? Security)
{
    /// <summary>"POST /admin/refunds": how people name an endpoint, used as fact detail and evidence.</summary>
    public string Label => $"{Method} {Path}";

    public IEnumerable<KeyValuePair<string, IOpenApiMediaType>> RequestContent =>
        Operation.RequestBody?.Content ?? Enumerable.Empty<KeyValuePair<string, IOpenApiMediaType>>();

    public IEnumerable<IOpenApiSchema> RequestSchemas =>
        RequestContent.Select(content => content.Value.Schema).OfType<IOpenApiSchema>();

    public IEnumerable<(string Status, IOpenApiResponse Response)> Responses =>
        (Operation.Responses ?? []).Select(response => (response.Key, response.Value));

    public IEnumerable<IOpenApiSchema> ResponseSchemas =>
        Responses.SelectMany(response => response.Response.Content ?? new Dictionary<string, IOpenApiMediaType>())
            .Select(content => content.Value.Schema)
            .OfType<IOpenApiSchema>();
}
