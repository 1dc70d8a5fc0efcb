using System.Text.RegularExpressions;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// Reads chat messages and documents deterministically: elements and their aliases, flows between them, the data
/// they hold, and every control, deployment fact and practice the signals recognise, attributed to the element the
/// sentence is about. One instance reads one conversation in order, so "it" in a later message can mean the
/// component discussed just before.
/// </summary>
public sealed partial class TextExtractor(Catalog catalog) : ISourceExtractor
{
    private readonly EntityRecognizer recognizer = new(catalog);
    private readonly Dictionary<string, int> mentionCounts = new(StringComparer.Ordinal);
    private string? topic;

    public bool CanRead(SourceDocument source) => source.Kind is SourceKind.Message or SourceKind.Document;

    public void Extract(SourceDocument source, SystemModelBuilder builder)
    {
        foreach (var sentence in SentenceSplitter.Split(source.Text))
        {
            var evidence = new Evidence(source.Id, SecretRedactor.Redact(sentence.Text));
            var mentions = ResolveMentions(sentence.Text, builder, evidence);
            AddFlows(sentence.Text, mentions, builder, evidence);
            AddData(sentence.Text, mentions, builder, evidence);
            AddFacts(sentence.Text, mentions, builder, evidence);
            UpdateTopic(mentions);
        }
    }

    // The topic is the service the conversation is about (the one named most so far): a sentence that names no
    // element is about it, not about the database, cron job or vendor mentioned in passing.
    private void UpdateTopic(List<ResolvedMention> mentions)
    {
        foreach (var mention in mentions.Where(m => m.Kind is not (ElementKind.Actor or ElementKind.ExternalService)))
        {
            var weight = mention.Kind == ElementKind.Service ? 2 : 1;
            mentionCounts[mention.Id] = mentionCounts.GetValueOrDefault(mention.Id) + weight;
        }

        if (mentionCounts.Count > 0)
        {
            topic = mentionCounts.MaxBy(c => c.Value).Key;
        }
    }

    private List<ResolvedMention> ResolveMentions(string sentence, SystemModelBuilder builder, Evidence evidence)
    {
        var resolved = new List<ResolvedMention>();
        var found = recognizer.Find(sentence);
        foreach (var mention in found)
        {
            if (mention.Name.Length == 0)
            {
                // A framework or runtime word: a technology of the nearest named component, or of the topic.
                var owner = found.Where(m => m.Name.Length > 0).MinBy(m => Math.Abs(m.Center - mention.Center));
                var ownerId = owner is null ? topic : builder.Resolve(owner.Name) ?? AddElement(builder, owner, evidence);
                if (ownerId is not null && mention.Technology is not null)
                {
                    builder.AddElement(builder.Find(ownerId)!.Name, builder.Find(ownerId)!.Kind, evidence, [mention.Technology], mention.Boundary);
                }

                continue;
            }

            var id = AddElement(builder, mention, evidence);
            resolved.Add(new ResolvedMention(id, mention.Start, mention.End, builder.Find(id)!.Kind));
        }

        foreach (Match path in EndpointPath().Matches(sentence))
        {
            // "/admin/refunds" is served by the component under discussion.
            if (topic is not null && !resolved.Any(r => r.Start <= path.Index && path.Index < r.End))
            {
                resolved.Add(new ResolvedMention(topic, path.Index, path.Index + path.Length, builder.Find(topic)!.Kind));
            }
        }

        return resolved.OrderBy(r => r.Start).ToList();
    }

    private static string AddElement(SystemModelBuilder builder, Mention mention, Evidence evidence)
    {
        var existing = builder.Resolve(mention.Name) ?? AbbreviationOf(builder, mention.Name);
        var name = existing is null ? mention.Name : builder.Find(existing)!.Name;
        var id = builder.AddElement(name, mention.Kind, evidence, mention.Technology is null ? null : [mention.Technology], mention.Boundary);
        if (!string.Equals(name, mention.Name, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddAlias(id, mention.Name);
        }

        return id;
    }

    // "pay-svc" is "payments-svc" written short: same suffix, and the first word is a prefix of the other's.
    private static string? AbbreviationOf(SystemModelBuilder builder, string name)
    {
        var parts = ElementNames.Canonical(name).Split('-');
        if (parts.Length < 2 || parts[0].Length < 3)
        {
            return null;
        }

        foreach (var element in builder.Elements)
        {
            var other = ElementNames.Canonical(element.Name).Split('-');
            if (other.Length == parts.Length && other[^1] == parts[^1] && other[0] != parts[0]
                && (other[0].StartsWith(parts[0], StringComparison.Ordinal) || parts[0].StartsWith(other[0], StringComparison.Ordinal))
                && other.Skip(1).SequenceEqual(parts.Skip(1)))
            {
                return element.Id;
            }
        }

        return null;
    }

    private static void AddFlows(string sentence, List<ResolvedMention> mentions, SystemModelBuilder builder, Evidence evidence)
    {
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (from, to) = (mentions[i], mentions[i + 1]);
            if (from.Id == to.Id || from.End > to.Start || !Relations.Connects(sentence[from.End..to.Start]))
            {
                continue;
            }

            var (protocol, encrypted) = Relations.Transport(sentence);
            builder.AddFlow(from.Id, to.Id, evidence, protocol, encrypted: encrypted);
        }
    }

    private void AddData(string sentence, List<ResolvedMention> mentions, SystemModelBuilder builder, Evidence evidence)
    {
        foreach (var term in catalog.DataTerms.Where(t => Signal.MayMatch(t.Anchors, sentence)))
        {
            Match match;
            try
            {
                match = term.Pattern.Match(sentence);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            if (!match.Success)
            {
                continue;
            }

            var holder = mentions.Where(m => m.Kind == ElementKind.DataStore).MinBy(m => Math.Abs(m.Start - match.Index))
                ?? Nearest(mentions, match.Index);
            builder.AddData(term.Name, term.Classification, term.Tags, holder?.Id ?? topic, evidence);
        }
    }

    private void AddFacts(string sentence, List<ResolvedMention> mentions, SystemModelBuilder builder, Evidence evidence)
    {
        // Matching is the expensive, independent part: run it on both cores, then attribute in catalogue order so the
        // model is the same on every run.
        var signals = catalog.Signals;
        var statements = new Statement?[signals.Count];
        Parallel.For(0, signals.Count, i => statements[i] = Read(signals[i], sentence));
        var detail = Detail(sentence);
        for (var i = 0; i < signals.Count; i++)
        {
            if (statements[i] is { } statement)
            {
                builder.AddFact(new Fact(signals[i].Key, signals[i].Kind, statement.State, SubjectAt(mentions, statement.Index), evidence, detail));
            }
        }
    }

    /// <summary>What the sentence states about one signal, and where; null when it says nothing about it.</summary>
    private static Statement? Read(Signal signal, string sentence)
    {
        try
        {
            var absent = Signal.MayMatch(signal.AbsentAnchors, sentence) ? signal.Absent?.Match(sentence) : null;
            if (absent is { Success: true })
            {
                return new Statement(FactState.Absent, absent.Index);
            }

            var present = Signal.MayMatch(signal.PresentAnchors, sentence) ? signal.Present?.Match(sentence) : null;
            if (present is not { Success: true })
            {
                return null;
            }

            // The first unnegated statement wins; a sentence that only negates states the fact absent.
            for (var match = present; match.Success; match = match.NextMatch())
            {
                var state = StatementPolarity.Of(sentence, match.Index, match.Index + match.Length, signal.Kind);
                if (state != FactState.Absent)
                {
                    return new Statement(state, match.Index);
                }
            }

            return new Statement(FactState.Absent, present.Index);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern (e.g. from a user catalogue) loses this sentence, not the whole analysis.
            return null;
        }
    }

    // The element a statement is about: our own components first (threats are about what we build), the nearest one
    // named before the phrase, else after it; then an outside system named in the sentence; then the topic.
    private string? SubjectAt(List<ResolvedMention> mentions, int index) =>
        NearestOf(mentions.Where(m => m.Kind is not (ElementKind.Actor or ElementKind.ExternalService)).ToList(), index)
        ?? NearestOf(mentions.Where(m => m.Kind is ElementKind.ExternalService).ToList(), index)
        ?? topic;

    private static string? NearestOf(List<ResolvedMention> candidates, int index) =>
        (candidates.Where(m => m.Start <= index).MaxBy(m => m.Start) ?? candidates.MinBy(m => m.Start - index))?.Id;

    private static ResolvedMention? Nearest(List<ResolvedMention> mentions, int index) =>
        mentions.Where(m => m.Kind is not ElementKind.Actor).MinBy(m => Math.Abs(m.Start - index));

    /// <summary>What the statement names precisely: an endpoint, a file, or a quoted identifier.</summary>
    private static string? Detail(string sentence)
    {
        var match = DetailToken().Match(sentence);
        return match.Success ? match.Groups["d"].Value : null;
    }

    [GeneratedRegex(@"(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(?<![\w.])/[a-z0-9_{}*.:-]+(?:/[a-z0-9_{}*.:-]*)*", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointPath();

    [GeneratedRegex(@"(?<d>(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(?<![\w.])/[a-z0-9_{}*.:-]+(?:/[a-z0-9_{}*.:-]*)*)|`(?<d>[^`\s]{2,60})`", RegexOptions.IgnoreCase)]
    private static partial Regex DetailToken();

    private sealed record ResolvedMention(string Id, int Start, int End, ElementKind Kind);

    private sealed record Statement(FactState State, int Index);
}
