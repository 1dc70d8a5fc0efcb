using Vigil.Ingestion.Chunking;
using Vigil.Ingestion.Decoding;
using Vigil.Retrieval.Embeddings;

namespace Vigil.Ingestion.Tests.Chunking;

public sealed class ChunkerTests
{
    private static readonly Chunker Standard = new(WordPieces.Count, new ChunkerOptions());

    private static Segment Doc(string text, int? page = null) => new(text, new SegmentOrigin("design.pdf", Page: page));

    [Fact]
    public void A_short_message_is_one_chunk_with_its_source()
    {
        var chunks = Standard.Split([new Segment("payments-svc calls the ledger over plain http.", new SegmentOrigin("thread#3"))]);

        var chunk = Assert.Single(chunks);
        Assert.Equal("payments-svc calls the ledger over plain http.", chunk.Text);
        Assert.Equal("thread#3", chunk.Origin.Source);
    }

    [Fact]
    public void No_chunk_exceeds_what_the_embedding_model_reads_and_sentences_stay_whole()
    {
        var sentences = Enumerable.Range(1, 120).Select(i => $"Service number {i} publishes order events to the orders topic and reads customer addresses from postgres.").ToList();

        var chunks = Standard.Split([Doc(string.Join(" ", sentences))]);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(WordPieces.Count(c.Text) <= 254, $"{WordPieces.Count(c.Text)} word-pieces"));
        Assert.All(chunks, c => Assert.EndsWith("postgres.", c.Text));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Consecutive_chunks_overlap_so_a_fact_on_the_boundary_is_found_in_one_piece()
    {
        var sentences = Enumerable.Range(1, 60).Select(i => $"Decision {i}: the gateway forwards requests to service {i} without mutual TLS.").ToList();

        var chunks = Standard.Split([Doc(string.Join(" ", sentences))]);

        for (var i = 1; i < chunks.Count; i++)
        {
            var lastOfPrevious = chunks[i - 1].Text.Split(". ")[^1];
            Assert.Contains(lastOfPrevious.TrimEnd('.'), chunks[i].Text);
        }
    }

    [Fact]
    public void A_chunk_never_spans_two_pages_so_its_page_is_exact()
    {
        var chunks = Standard.Split([Doc("The api stores card numbers.", page: 1), Doc("The worker reads them nightly.", page: 2)]);

        Assert.Equal([1, 2], chunks.Select(c => c.Origin.Page));
    }

    [Fact]
    public void A_voice_note_chunk_keeps_the_time_span_of_its_sentences()
    {
        var chunks = Standard.Split(
        [
            new Segment("We export the customer table every night.", new SegmentOrigin("huddle.ogg", Start: TimeSpan.FromSeconds(3), End: TimeSpan.FromSeconds(7))),
            new Segment("The file goes to the vendor over SFTP.", new SegmentOrigin("huddle.ogg", Start: TimeSpan.FromSeconds(7), End: TimeSpan.FromSeconds(12))),
        ]);

        var chunk = Assert.Single(chunks);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12)), (chunk.Origin.Start!.Value, chunk.Origin.End!.Value));
        Assert.Equal("huddle.ogg 0:03–0:12", SourceLabel.Of(chunk.Origin));
    }

    [Fact]
    public void A_run_on_line_longer_than_a_chunk_is_cut_at_word_boundaries()
    {
        var runOn = string.Join(" ", Enumerable.Range(1, 600).Select(i => $"field{i}"));

        var chunks = Standard.Split([Doc(runOn)]);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.True(WordPieces.Count(c.Text) <= 254));
        Assert.All(chunks, c => Assert.Matches(@"^field\d+( field\d+)*$", c.Text));
    }
}
