using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Vigil.Ingestion.Tests.Decoding.Documents;

/// <summary>PDF files made in memory for the tests.</summary>
internal static class TestPdf
{
    /// <summary>One page per entry; each page's paragraphs are laid out top-down, lines of a paragraph 14 pt apart.</summary>
    public static byte[] Create(params string[][][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var paragraphs in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var lines in paragraphs)
            {
                foreach (var line in lines)
                {
                    page.AddText(line, 11, new PdfPoint(60, y), font);
                    y -= 14;
                }

                // A paragraph gap well over 1.7 times the font size.
                y -= 20;
            }
        }

        return builder.Build();
    }

    /// <summary>Words drawn one by one at their own positions, with no space characters between them.</summary>
    public static byte[] WordsPlacedApart(params string[] words)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var x = 60.0;
        foreach (var word in words)
        {
            var letters = page.AddText(word, 12, new PdfPoint(x, 700), font);
            x = letters[^1].BoundingBox.Right + 6;
        }

        return builder.Build();
    }

    public static byte[] BlankPages(int count)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.AddPage(PageSize.A4);
        }

        return builder.Build();
    }

    /// <summary>
    /// A one-page PDF whose trailer names a Standard security handler (RC4, revision 2) with password hashes that
    /// match no password, so it cannot be opened without knowing one. PdfPig cannot write encrypted files.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        var random = new string('7', 64);
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            $"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <{random}> /U <{random}> /P -4 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n");
        pdf.Append($"startxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
