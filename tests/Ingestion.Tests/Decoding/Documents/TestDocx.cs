using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Vigil.Ingestion.Tests.Decoding.Documents;

/// <summary>Word files made in memory for the tests: real documents from the Open XML SDK, and hostile zips.</summary>
internal static class TestDocx
{
    public static byte[] Create(params OpenXmlElement[] bodyElements)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(bodyElements));
        }

        return stream.ToArray();
    }

    public static W.Paragraph Heading(string text) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Heading1" }), new W.Run(new W.Text(text)));

    /// <summary>One paragraph made of several runs, the way Word splits text at every formatting change.</summary>
    public static W.Paragraph Paragraph(params string[] runs) =>
        new(runs.Select(run => new W.Run(new W.Text(run) { Space = SpaceProcessingModeValues.Preserve })));

    public static W.Table Table(params string[][] rows) =>
        new(rows.Select(cells => new W.TableRow(cells.Select(cell => new W.TableCell(Paragraph(cell))))));

    /// <summary>
    /// A zip whose word/document.xml inflates to <paramref name="zeroBytes"/> zeros. Deflate turns runs of one byte
    /// into ~1000:1, so 2 GB is about 2 MB here; the zeros are streamed in 1 MB writes, never held in memory.
    /// </summary>
    public static byte[] ZipBomb(long zeroBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", ContentTypes);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal);
            using var document = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < zeroBytes; written += zeros.Length)
            {
                document.Write(zeros, 0, (int)Math.Min(zeros.Length, zeroBytes - written));
            }
        }

        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                AddText(zip, name, text);
            }
        }

        return stream.ToArray();
    }

    private static void AddText(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""";
}
