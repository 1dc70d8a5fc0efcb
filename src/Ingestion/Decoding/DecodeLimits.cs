namespace Vigil.Ingestion.Decoding;

/// <summary>
/// Bounds on what one file may cost to decode, so a hostile or broken upload cannot exhaust the host.
/// Bound from the <c>Ingestion</c> configuration section.
/// </summary>
public sealed record DecodeLimits
{
    public const string Section = "Ingestion";

    /// <summary>Bytes of one file (<c>Ingestion:MaxFileBytes</c>).</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Pixels of one image, read from its header before decoding (decompression bombs).</summary>
    public long MaxImagePixels { get; init; } = 40_000_000;

    /// <summary>Length of one voice note or recording.</summary>
    public TimeSpan MaxAudioDuration { get; init; } = TimeSpan.FromMinutes(60);

    public int MaxPdfPages { get; init; } = 300;

    /// <summary>Uncompressed bytes of all parts of a DOCX (zip bombs).</summary>
    public long MaxDocxExpandedBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Wall time one decoder may take on one file.</summary>
    public TimeSpan DecoderTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
