namespace Vigil.ThreatModel.Sources;

public enum SourceKind
{
    /// <summary>A chat message: informal, short, later messages may override earlier ones.</summary>
    Message,

    /// <summary>A document (Markdown, text, decoded PDF/DOCX, OCR text, transcript).</summary>
    Document,

    /// <summary>An OpenAPI 2.0 or 3.x specification.</summary>
    OpenApi,
}
