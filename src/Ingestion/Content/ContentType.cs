namespace Vigil.Ingestion.Content;

/// <summary>What a file really is, decided from its bytes. <see cref="Family"/> picks the decoder.</summary>
/// <param name="MediaType">The IANA media type, e.g. <c>image/png</c>.</param>
public sealed record ContentType(string MediaType, ContentFamily Family)
{
    public static readonly ContentType PlainText = new("text/plain", ContentFamily.Text);
    public static readonly ContentType Markdown = new("text/markdown", ContentFamily.Text);
    public static readonly ContentType Json = new("application/json", ContentFamily.Text);
    public static readonly ContentType Yaml = new("application/yaml", ContentFamily.Text);
    public static readonly ContentType OpenApi = new("application/vnd.oai.openapi", ContentFamily.OpenApi);
    public static readonly ContentType Pdf = new("application/pdf", ContentFamily.Pdf);
    public static readonly ContentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentFamily.Docx);
    public static readonly ContentType Zip = new("application/zip", ContentFamily.Unsupported);
    public static readonly ContentType Png = new("image/png", ContentFamily.Image);
    public static readonly ContentType Jpeg = new("image/jpeg", ContentFamily.Image);
    public static readonly ContentType Gif = new("image/gif", ContentFamily.Image);
    public static readonly ContentType Webp = new("image/webp", ContentFamily.Image);
    public static readonly ContentType Bmp = new("image/bmp", ContentFamily.Image);
    public static readonly ContentType Tiff = new("image/tiff", ContentFamily.Image);
    public static readonly ContentType Ogg = new("audio/ogg", ContentFamily.Audio);
    public static readonly ContentType Webm = new("audio/webm", ContentFamily.Audio);
    public static readonly ContentType Mp4 = new("audio/mp4", ContentFamily.Audio);
    public static readonly ContentType Mp3 = new("audio/mpeg", ContentFamily.Audio);
    public static readonly ContentType Wav = new("audio/wav", ContentFamily.Audio);
    public static readonly ContentType Flac = new("audio/flac", ContentFamily.Audio);
    public static readonly ContentType Empty = new("application/x-empty", ContentFamily.Unsupported);
    public static readonly ContentType Binary = new("application/octet-stream", ContentFamily.Unsupported);

    public override string ToString() => MediaType;
}

public enum ContentFamily
{
    Text,
    OpenApi,
    Pdf,
    Docx,
    Image,
    Audio,
    Unsupported,
}
