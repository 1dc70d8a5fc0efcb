using System.Text.RegularExpressions;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// Finds the elements a sentence names: the team's own component names, technologies and vendors from the lexicon,
/// and people. Where a named component and a lexicon word overlap, the name wins and the word becomes its technology.
/// </summary>
internal sealed partial class EntityRecognizer(Catalog catalog)
{
    public List<Mention> Find(string sentence)
    {
        var named = ComponentNames.Find(sentence).ToList();
        var lexical = new List<Mention>();
        foreach (var term in catalog.Terms.Where(t => Signal.MayMatch(t.Anchors, sentence)))
        {
            foreach (Match match in SafeMatches(term.Pattern, sentence))
            {
                // A vendor is named by its own name ("Salesforce", "Datadog"), not by its category.
                var name = term.Kind == ElementKind.ExternalService && term.Element is not null ? match.Value : term.Element ?? "";
                lexical.Add(new Mention(match.Index, match.Index + match.Length, name, term.Kind, term.Technology, term.Boundary, IsNamed: false));
            }
        }

        foreach (Match match in VendorName().Matches(sentence))
        {
            // A product-style word the lexicon knows (PostgreSQL, JavaScript) is that technology, not a vendor.
            var known = lexical.Any(l => l.Start < match.Index + match.Length && match.Index < l.End);
            if (known)
            {
                continue;
            }

            // "JupyterHub", "BillingService": a product-style name that ends in a component word is a component we run.
            if (ComponentNames.CamelCaseKind(match.Value) is { } kind)
            {
                named.Add(new Mention(match.Index, match.Index + match.Length, match.Value, kind, null, null, IsNamed: true));
            }
            else if (VendorCue().IsMatch(sentence))
            {
                named.Add(new Mention(match.Index, match.Index + match.Length, match.Value, ElementKind.ExternalService, null, BoundaryKind.ThirdParty, IsNamed: true));
            }
        }

        var mentions = new List<Mention>();
        foreach (var mention in named.OrderBy(m => m.Start))
        {
            if (!mentions.Any(m => Overlaps(m, mention)))
            {
                mentions.Add(mention);
            }
        }

        Mention? previous = null;
        foreach (var word in lexical.OrderBy(m => m.Start).ThenByDescending(m => m.End - m.Start))
        {
            if (mentions.Any(m => Overlaps(m, word)))
            {
                continue;
            }

            // "Azure OpenAI gpt-4o" is one thing named twice: merge neighbours of the same technology.
            if (previous is not null && previous.Technology == word.Technology && previous.Name.Length > 0
                && string.IsNullOrWhiteSpace(sentence[previous.End..word.Start]))
            {
                var merged = previous with { End = word.End, Name = previous.Kind == ElementKind.ExternalService ? sentence[previous.Start..word.End] : previous.Name };
                mentions[mentions.IndexOf(previous)] = merged;
                previous = merged;
                continue;
            }

            mentions.Add(word);
            previous = word;
        }

        foreach (var reference in ComponentNames.References(sentence))
        {
            if (!mentions.Any(m => Overlaps(m, reference)) && !lexical.Any(l => Overlaps(l, reference)))
            {
                mentions.Add(reference);
            }
        }

        return mentions.OrderBy(m => m.Start).ToList();
    }

    // A pathological pattern from a user catalogue loses this sentence's match, not the whole analysis.
    private static IReadOnlyList<Match> SafeMatches(Regex pattern, string sentence)
    {
        try
        {
            return pattern.Matches(sentence).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    private static bool Overlaps(Mention a, Mention b) => a.Start < b.End && b.Start < a.End;

    // Product-style names (PayNova, NorthStar) are vendors when the sentence talks about an API, webhook or hosted page.
    [GeneratedRegex(@"(?<![\w.-])[A-Z][a-z]+[A-Z][A-Za-z]+(?![\w.-])")]
    private static partial Regex VendorName();

    [GeneratedRegex(@"\b(?:api|apis|webhooks?|hosted|vendor|partner|third[- ]party|provider|saas|sdk|tokeni[sz]e|'s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VendorCue();
}
