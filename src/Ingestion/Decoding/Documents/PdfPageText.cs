using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Vigil.Ingestion.Decoding.Documents;

/// <summary>
/// The text of one PDF page as paragraph blocks. <see cref="Page.Text"/> concatenates glyphs and glues words that the
/// producer placed by position rather than with space characters; the content-order extractor inserts a space where
/// the gap between letters is wider than the font's space, and a blank line where the line gap says "new paragraph".
/// </summary>
internal static class PdfPageText
{
    private static readonly ContentOrderTextExtractor.Options Extraction = new()
    {
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    public static IReadOnlyList<string> Blocks(Page page) =>
        ContentOrderTextExtractor.GetText(page, Extraction)
            .ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(block => !string.IsNullOrWhiteSpace(block))
            .ToList();
}
