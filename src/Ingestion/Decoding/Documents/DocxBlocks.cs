using System.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Vigil.Ingestion.Decoding.Documents;

/// <summary>
/// The text of Word body elements: a paragraph as its visible text, a table as one "cell | cell" line per row.
/// Deleted revisions, field codes and the fallback copy of alternate content are not visible text and are left out.
/// </summary>
internal static class DocxBlocks
{
    public static string TextOf(W.Paragraph paragraph)
    {
        var text = new StringBuilder();
        AppendVisibleText(paragraph, text);
        return Tidy(text);
    }

    public static IEnumerable<string> Rows(W.Table table)
    {
        foreach (var row in table.Elements<W.TableRow>())
        {
            var cells = Cells(row).Select(Cell).ToList();
            if (cells.Any(cell => cell.Length > 0))
            {
                yield return string.Join(" | ", cells);
            }
        }
    }

    // Everything in a cell on one line: a row is one fact ("Orders API | PII | no TLS"), nested tables included.
    private static string Cell(W.TableCell cell) =>
        string.Join(" ", Blocks(cell).Where(block => block.Length > 0));

    private static IEnumerable<string> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.Paragraph paragraph:
                    yield return TextOf(paragraph);
                    break;
                case W.Table table:
                    foreach (var row in Rows(table))
                    {
                        yield return row;
                    }

                    break;
                case OpenXmlCompositeElement wrapper:
                    // Content controls and custom XML wrap paragraphs and tables without being either.
                    foreach (var block in Blocks(wrapper))
                    {
                        yield return block;
                    }

                    break;
            }
        }
    }

    // Cells may sit inside content controls (w:sdt) or custom XML wrappers, never directly in a nested table.
    private static IEnumerable<W.TableCell> Cells(OpenXmlElement row)
    {
        foreach (var child in row.ChildElements)
        {
            if (child is W.TableCell cell)
            {
                yield return cell;
            }
            else if (child is OpenXmlCompositeElement and not W.TableRowProperties and not W.TablePropertyExceptions)
            {
                foreach (var inner in Cells(child))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void AppendVisibleText(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case W.Text t:
                text.Append(t.Text);
                return;
            case W.TabChar or W.PositionalTab:
                text.Append(' ');
                return;
            case W.Break or W.CarriageReturn:
                text.Append('\n');
                return;
            case W.NoBreakHyphen:
                text.Append('-');
                return;
            case W.DeletedRun or AlternateContentFallback:
                // A deletion is not in the document any more; the fallback repeats the choice beside it.
                return;
            case W.Paragraph when text.Length > 0:
                // A paragraph inside a text box in this paragraph: keep its words apart from ours.
                text.Append(' ');
                break;
        }

        foreach (var child in element.ChildElements)
        {
            AppendVisibleText(child, text);
        }
    }

    private static string Tidy(StringBuilder text)
    {
        var lines = text.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
        return string.Join("\n", lines);
    }
}
