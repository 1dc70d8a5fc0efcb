using System.Text;
using Vigil.Ingestion.Content;

namespace Vigil.Ingestion.Tests.Content;

public sealed class ContentSnifferTests
{
    [Fact]
    public void A_png_named_like_a_text_file_is_still_an_image()
    {
        var png = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, "03-upload-thumbnails-bucket", "whiteboard.png"));

        Assert.Equal(ContentType.Png, ContentSniffer.Sniff(png, "notes.txt"));
    }

    [Fact]
    public void An_ogg_voice_note_is_audio_whatever_its_name()
    {
        var ogg = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, "05-pii-export-sftp", "voice-note.ogg"));

        Assert.Equal(ContentFamily.Audio, ContentSniffer.Sniff(ogg, "voice-note.png").Family);
    }

    [Fact]
    public void An_openapi_spec_saved_as_txt_is_sniffed_as_a_spec()
    {
        var spec = File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, "01-payments-webhook", "openapi.yaml"));

        Assert.Equal(ContentType.OpenApi, ContentSniffer.Sniff(spec, "spec.txt"));
    }

    [Theory]
    [InlineData("%PDF-1.7\n...", "application/pdf")]
    [InlineData("GIF89a....", "image/gif")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ", "audio/wav")]
    [InlineData("fLaC\0\0\0\"", "audio/flac")]
    [InlineData("ID3\u0004\0\0\0\0", "audio/mpeg")]
    [InlineData("\0\0\0\u0020ftypM4A ", "audio/mp4")]
    [InlineData("# Design\n\nThe api calls the db.", "text/plain")]
    [InlineData("[{\"user\":\"U1\",\"text\":\"hi\"}]", "application/json")]
    public void Magic_numbers_and_structure_decide_the_type(string head, string expected)
    {
        Assert.Equal(expected, ContentSniffer.Sniff(Encoding.Latin1.GetBytes(head)).MediaType);
    }

    [Fact]
    public void Markdown_is_told_from_plain_text_by_its_name_only()
    {
        Assert.Equal(ContentType.Markdown, ContentSniffer.Sniff("# Design"u8, "design.md"));
    }

    [Fact]
    public void Bytes_with_nul_are_binary_and_zero_bytes_are_empty()
    {
        Assert.Equal(ContentType.Binary, ContentSniffer.Sniff([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1]));
        Assert.Equal(ContentType.Empty, ContentSniffer.Sniff([]));
    }
}
