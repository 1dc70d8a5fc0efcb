using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Reads one kind of fact from a parsed specification.</summary>
internal interface IOpenApiFactReader
{
    IEnumerable<Fact> Read(OpenApiSpec spec);
}
