using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Decoding;

/// <summary>What a decoder made of one file.</summary>
/// <param name="Kind">How the extractors should read the text: a document, or an OpenAPI spec.</param>
/// <param name="Note">Said to the user when the file is only partly usable, e.g. how to enable transcription.</param>
public sealed record DecodeResult(DecodeStatus Status, SourceKind Kind, IReadOnlyList<Segment> Segments, string? Note = null)
{
    public static DecodeResult Document(IReadOnlyList<Segment> segments) => new(DecodeStatus.Decoded, SourceKind.Document, segments);

    /// <summary>All segment text, one segment per line: what the text extractor reads.</summary>
    public string Text => string.Join("\n", Segments.Select(s => s.Text));
}

public enum DecodeStatus
{
    Decoded,

    /// <summary>A voice note kept until a transcription model is available; it is transcribed then.</summary>
    WaitingForTranscription,
}
