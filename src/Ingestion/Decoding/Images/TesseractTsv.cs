using System.Globalization;

namespace Vigil.Ingestion.Decoding.Images;

/// <summary>
/// Parses Tesseract's TSV output (<c>level page block par line word left top width height conf text</c>) into
/// lines of words. Only word rows (level 5) carry text; the line a word belongs to is its page, block, paragraph
/// and line numbers together.
/// </summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;
    private const int Columns = 12;

    public static OcrPage Parse(string tsv)
    {
        var lines = new List<List<OcrWord>>();
        (int, int, int, int)? current = null;
        foreach (var row in tsv.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Word(row) is not var (key, word))
            {
                continue;
            }

            if (key != current)
            {
                lines.Add([]);
                current = key;
            }

            lines[^1].Add(word);
        }

        return new OcrPage(lines.Select(words => new OcrLine(words)).ToList());
    }

    // The header row and the page/block/paragraph/line rows have no word; a row that does not parse is skipped
    // rather than failing the whole image.
    private static ((int, int, int, int) Key, OcrWord Word)? Word(string row)
    {
        var cells = row.Split('\t');
        if (cells.Length < Columns || string.IsNullOrWhiteSpace(cells[11]))
        {
            return null;
        }

        var numbers = new int[10];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(cells[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        if (numbers[0] != WordLevel || !double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
        {
            return null;
        }

        var box = new PixelBox(numbers[6], numbers[7], numbers[8], numbers[9]);
        return ((numbers[1], numbers[2], numbers[3], numbers[4]), new OcrWord(cells[11].Trim(), Math.Clamp(confidence, 0, 100), box));
    }
}
