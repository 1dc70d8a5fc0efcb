using ImageMagick;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Process-wide ceilings for ImageMagick. The header check refuses big images before decoding; these catch a file
/// whose header lies (or a coder that allocates more than its header says), so it fails instead of eating the host.
/// </summary>
internal static class MagickResources
{
    // 8-bit channels, up to 4 per pixel, and up to 4 working copies (read, resize, deskew, write) alive at once.
    private const ulong BytesPerAllowedPixel = 4 * 4;

    // No real photo is wider or taller than this; JPEG and WebP cannot even encode more.
    private const ulong MaxSide = 65_535;

    private static readonly Lock Gate = new();
    private static long appliedFor = -1;

    public static void EnsureWithin(DecodeLimits limits)
    {
        lock (Gate)
        {
            if (appliedFor == limits.MaxImagePixels)
            {
                return;
            }

            var bytes = (ulong)Math.Max(limits.MaxImagePixels, 1) * BytesPerAllowedPixel;
            ResourceLimits.Width = MaxSide;
            ResourceLimits.Height = MaxSide;
            ResourceLimits.ListLength = 16;
            ResourceLimits.Memory = bytes;
            ResourceLimits.MaxMemoryRequest = bytes;

            // Past the memory ceiling ImageMagick spills pixels to disk; a bounded spill, then a refusal, beats a
            // full disk.
            ResourceLimits.Disk = bytes;
            appliedFor = limits.MaxImagePixels;
        }
    }
}
