using System.Globalization;
using System.IO.Compression;

namespace Vigil.Ingestion.Decoding.Documents;

/// <summary>
/// Refuses a zip bomb from its central directory alone, before any entry is inflated: the declared sizes of all
/// entries against the expansion limit, and each large entry's compression ratio against what real documents reach.
/// Declared sizes can lie, so the reader also counts what it actually inflates (<see cref="ExpansionBudgetStream"/>).
/// </summary>
internal static class ZipExpansionCheck
{
    // Office XML compresses roughly 5-30:1; deflate itself tops out near 1032:1, which only runs of one byte reach.
    public const int MaxCompressionRatio = 200;

    // Small parts (a run of spaces, an empty relationships file) may compress absurdly and still cost nothing.
    private const long RatioCheckedFromBytes = 1024 * 1024;

    public static void Check(ZipArchive zip, long maxExpandedBytes)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length < 0 || entry.CompressedLength < 0)
            {
                throw new UnreadableContentException($"the DOCX is damaged: the zip entry {entry.FullName} declares a negative size");
            }

            // Saturates instead of overflowing: zip64 sizes are attacker-chosen 64-bit numbers.
            total = entry.Length > long.MaxValue - total ? long.MaxValue : total + entry.Length;
        }

        if (total > maxExpandedBytes)
        {
            throw new UnreadableContentException($"DOCX expands to {Megabytes(total)} MB, above the {Megabytes(maxExpandedBytes)} MB limit (Ingestion:MaxDocxExpandedBytes)");
        }

        foreach (var entry in zip.Entries)
        {
            if (entry.Length >= RatioCheckedFromBytes && entry.Length / Math.Max(entry.CompressedLength, 1) > MaxCompressionRatio)
            {
                var ratio = entry.Length / Math.Max(entry.CompressedLength, 1);
                throw new UnreadableContentException($"DOCX part {entry.FullName} is compressed {ratio}:1 ({Megabytes(entry.Length)} MB from {Megabytes(entry.CompressedLength)} MB), the shape of a zip bomb");
            }
        }
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
