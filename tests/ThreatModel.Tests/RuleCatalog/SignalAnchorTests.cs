using Vigil.ThreatModel.Knowledge;

namespace Vigil.ThreatModel.Tests.RuleCatalog;

/// <summary>Skipping a signal because a sentence lacks its anchor words must never lose a match.</summary>
public sealed class SignalAnchorTests
{
    [Fact]
    public void A_sentence_that_matches_a_pattern_always_contains_one_of_its_anchors()
    {
        var sentences = DesignLines.Read(includeDesignDocs: false);
        var lost = new List<string>();
        foreach (var signal in Catalog.Default.Signals)
        {
            foreach (var (anchors, regex) in new[] { (signal.PresentAnchors, signal.Present), (signal.AbsentAnchors, signal.Absent) })
            {
                if (anchors is null || regex is null)
                {
                    continue;
                }

                lost.AddRange(sentences.Where(s => regex.IsMatch(s) && !Signal.MayMatch(anchors, s)).Select(s => $"{signal.Key}: {s}"));
            }
        }

        foreach (var term in Catalog.Default.Terms.Where(t => t.Anchors is not null))
        {
            lost.AddRange(sentences.Where(s => term.Pattern.IsMatch(s) && !Signal.MayMatch(term.Anchors, s)).Select(s => $"term {term.Element ?? term.Technology}: {s}"));
        }

        foreach (var term in Catalog.Default.DataTerms.Where(t => t.Anchors is not null))
        {
            lost.AddRange(sentences.Where(s => term.Pattern.IsMatch(s) && !Signal.MayMatch(term.Anchors, s)).Select(s => $"data {term.Name}: {s}"));
        }

        Assert.True(lost.Count == 0, string.Join("\n", lost.Take(20)));
        Assert.True(sentences.Count > 500, $"only {sentences.Count} sentences read");
    }

    [Fact]
    public void Most_signals_have_anchors() =>
        Assert.True(Catalog.Default.Signals.Count(s => s.PresentAnchors is not null) * 2 > Catalog.Default.Signals.Count(s => s.Present is not null));

    [Theory]
    [InlineData(@"\b(?:secret|api[- _]?key|password)s?\b", new[] { "secret", "api", "password" })]
    [InlineData(@"\bsk_live_", new[] { "sk_live_" })]
    [InlineData(@"(?<![\w.])/admin\b", new[] { "/admin" })]
    [InlineData(@"\bidempoten(?:t|cy)", new[] { "idempoten" })]
    public void Leading_literals_are_read_from_patterns(string pattern, string[] expected) =>
        Assert.Equal(expected, LeadingLiterals.Of(pattern));

    [Theory]
    [InlineData(@"(?:no )?rate limit")]
    [InlineData(@"[a-z]+-svc")]
    [InlineData(@"\bab?c")]
    [InlineData(@".{0,40}token")]
    public void Patterns_without_a_certain_leading_word_have_no_anchor(string pattern) => Assert.Null(LeadingLiterals.Of(pattern));
}
