using System.Globalization;

namespace Vigil.Ingestion.Decoding;

/// <summary>How provenance is shown to a user: <c>design.pdf p.3</c>, <c>voice-note.ogg 0:42–1:05</c>.</summary>
public static class SourceLabel
{
    public static string Of(SegmentOrigin origin)
    {
        if (origin.Page is { } page)
        {
            return $"{origin.Source} p.{page}";
        }

        if (origin.Start is { } start)
        {
            return origin.End is { } end ? $"{origin.Source} {Clock(start)}–{Clock(end)}" : $"{origin.Source} {Clock(start)}";
        }

        return origin.Source;
    }

    private static string Clock(TimeSpan t) => t.ToString(t.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
