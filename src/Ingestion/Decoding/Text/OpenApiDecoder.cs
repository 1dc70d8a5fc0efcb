using Vigil.Ingestion.Content;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Decoding.Text;

/// <summary>An OpenAPI document is passed whole to the OpenAPI extractor, which needs its structure, not its lines.</summary>
public sealed class OpenApiDecoder : IContentDecoder
{
    public bool Supports(ContentType type) => type.Family == ContentFamily.OpenApi;

    public Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken)
    {
        var text = StrictUtf8.Decode(request.Bytes.Span);
        var segment = new Segment(text, new SegmentOrigin(request.Source));
        return Task.FromResult(new DecodeResult(DecodeStatus.Decoded, SourceKind.OpenApi, [segment]));
    }
}
