using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Decoding.Text;

/// <summary>Plain text, Markdown, JSON and YAML that is not a spec: one segment per non-blank paragraph.</summary>
public sealed class TextDecoder : IContentDecoder
{
    public bool Supports(ContentType type) => type.Family == ContentFamily.Text;

    public Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken)
    {
        var text = StrictUtf8.Decode(request.Bytes.Span);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnreadableContentException("the file holds no text");
        }

        var segments = Paragraphs(text).Select(p => new Segment(p, new SegmentOrigin(request.Source))).ToList();
        return Task.FromResult(DecodeResult.Document(segments));
    }

    // Paragraphs keep hard-wrapped prose together; the sentence splitter rejoins its lines.
    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
