namespace Vigil.Ingestion.Decoding;

/// <summary>
/// The file itself is the problem (corrupt, too large, a decompression bomb): retrying will not help. The message is
/// the reason shown to the user, e.g. "image is 20000×20000 pixels, above the 40 megapixel limit".
/// </summary>
public sealed class UnreadableContentException(string reason, Exception? inner = null) : Exception(reason, inner);
