using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>A parsed specification and the OpenAPI version it was written in.</summary>
internal sealed record ParsedSpec(OpenApiDocument Document, OpenApiSpecVersion Version);
