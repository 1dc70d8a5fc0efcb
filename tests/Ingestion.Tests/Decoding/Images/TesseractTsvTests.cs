using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Images;

namespace Vigil.Ingestion.Tests.Decoding.Images;

public sealed class TesseractTsvTests
{
    [Fact]
    public void Words_are_grouped_into_the_lines_tesseract_found_with_their_boxes_and_confidences()
    {
        const string tsv = """
            level	page_num	block_num	par_num	line_num	word_num	left	top	width	height	conf	text
            1	1	0	0	0	0	0	0	1600	850	-1	
            2	1	1	0	0	0	630	46	387	35	-1	
            4	1	1	1	1	0	630	46	387	35	-1	
            5	1	1	1	1	1	630	46	146	29	91.792603	Frostline
            5	1	1	1	1	2	793	50	67	27	96.281105	cold
            5	1	2	1	1	1	426	120	166	26	91.699837	telemetry/{id}
            5	1	3	1	1	1	10	10	5	5	-1	 
            5	1	3	1	1	x	10	10	5	5	95	garbled
            """;

        var page = TesseractTsv.Parse(tsv);

        Assert.Equal(["Frostline cold", "telemetry/{id}"], page.Lines.Select(l => l.Text));
        Assert.Equal(new PixelBox(630, 46, 230, 31), page.Lines[0].Box);
        Assert.Equal(new OcrWord("telemetry/{id}", 91.699837, new PixelBox(426, 120, 166, 26)), page.Lines[1].Words[0]);
    }

    [Fact]
    public void Output_with_no_words_is_an_empty_page()
    {
        var page = TesseractTsv.Parse("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t400\t300\t-1\t\n");

        Assert.Empty(page.Lines);
    }
}
