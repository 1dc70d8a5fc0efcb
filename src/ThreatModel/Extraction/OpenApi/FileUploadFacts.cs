using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Operations that accept files: multipart or raw binary bodies, or binary fields.</summary>
internal sealed class FileUploadFacts : IOpenApiFactReader
{
    private static readonly string[] UploadMediaTypes = ["multipart/form-data", "application/octet-stream"];

    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        foreach (var op in spec.Operations)
        {
            if (Upload(op) is { } quote)
            {
                yield return spec.Fact(OpenApiFactKeys.FileUpload, FactKind.Deployment, FactState.Present, quote, op.Label);
            }
        }
    }

    private static string? Upload(ApiOperation op)
    {
        foreach (var (mediaType, content) in op.RequestContent)
        {
            if (UploadMediaTypes.Any(upload => mediaType.StartsWith(upload, StringComparison.OrdinalIgnoreCase))
                || IsBinary(content.Schema?.Format))
            {
                return $"{op.Label} {mediaType}";
            }

            var binary = SchemaFields.Of(content.Schema, op.Label).FirstOrDefault(field => IsBinary(field.Schema.Format) || IsBinary(field.Schema.Items?.Format));
            if (binary.Name is not null)
            {
                return $"{binary.Location}: format: binary";
            }
        }

        return null;
    }

    private static bool IsBinary(string? format) => string.Equals(format, "binary", StringComparison.OrdinalIgnoreCase);
}
