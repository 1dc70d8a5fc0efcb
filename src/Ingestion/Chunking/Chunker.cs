using Vigil.Ingestion.Decoding;
using Vigil.ThreatModel.Extraction.Text;

namespace Vigil.Ingestion.Chunking;

/// <summary>
/// Packs whole sentences into chunks of at most <see cref="ChunkerOptions.MaxWordPieces"/> word-pieces, repeating the
/// last sentences of a chunk at the start of the next so a fact split across the boundary is still found. A chunk
/// never spans two sources or two pages, so its provenance stays exact (a voice-note chunk keeps the time span of its
/// first and last sentence); a sentence longer than a chunk is cut at word boundaries.
/// </summary>
public sealed class Chunker(Func<string, int> countWordPieces, ChunkerOptions options)
{
    public IReadOnlyList<Chunk> Split(IReadOnlyList<Segment> segments)
    {
        var chunks = new List<Chunk>();
        var window = new List<Piece>();
        foreach (var piece in Pieces(segments))
        {
            if (window.Count > 0 && (!SameLocation(window[0].Origin, piece.Origin) || Length(window) + piece.WordPieces > options.MaxWordPieces))
            {
                chunks.Add(Emit(chunks.Count, window));
                window = SameLocation(window[0].Origin, piece.Origin) ? Overlap(window, piece) : [];
            }

            window.Add(piece);
        }

        if (window.Count > 0)
        {
            chunks.Add(Emit(chunks.Count, window));
        }

        return chunks;
    }

    private sealed record Piece(string Text, int WordPieces, SegmentOrigin Origin);

    private IEnumerable<Piece> Pieces(IReadOnlyList<Segment> segments)
    {
        foreach (var segment in segments)
        {
            foreach (var sentence in SentenceSplitter.Split(segment.Text))
            {
                var length = countWordPieces(sentence.Text);
                if (length <= options.MaxWordPieces)
                {
                    yield return new Piece(sentence.Text, length, segment.Origin);
                    continue;
                }

                foreach (var part in CutAtWords(sentence.Text))
                {
                    yield return new Piece(part, countWordPieces(part), segment.Origin);
                }
            }
        }
    }

    // A run-on "sentence" (a log line, a table flattened by OCR) is cut into word runs that fit.
    private IEnumerable<string> CutAtWords(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string>();
        foreach (var word in words)
        {
            current.Add(word);
            if (current.Count > 1 && countWordPieces(string.Join(' ', current)) > options.MaxWordPieces)
            {
                current.RemoveAt(current.Count - 1);
                yield return string.Join(' ', current);
                current = [word];
            }
        }

        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }

    // Carry the trailing sentences that fit in the overlap budget and still leave room for the next piece.
    private List<Piece> Overlap(List<Piece> window, Piece next)
    {
        var carried = new List<Piece>();
        var length = 0;
        for (var i = window.Count - 1; i > 0; i--)
        {
            length += window[i].WordPieces;
            if (length > options.OverlapWordPieces || length + next.WordPieces > options.MaxWordPieces)
            {
                break;
            }

            carried.Insert(0, window[i]);
        }

        return carried;
    }

    // WordPiece splits on whitespace, so joined sentences cost the sum of their pieces.
    private static int Length(List<Piece> window) => window.Sum(p => p.WordPieces);

    private static bool SameLocation(SegmentOrigin a, SegmentOrigin b) => a.Source == b.Source && a.Page == b.Page;

    private static Chunk Emit(int ordinal, List<Piece> window)
    {
        var first = window[0].Origin;
        var origin = first with
        {
            End = window[^1].Origin.End ?? first.End,
            Box = window.All(p => p.Origin.Box == first.Box) ? first.Box : null,
            Confidence = window.All(p => p.Origin.Confidence == first.Confidence) ? first.Confidence : null,
        };
        return new Chunk(ordinal, string.Join(" ", window.Select(p => p.Text)), Length(window), origin);
    }
}
