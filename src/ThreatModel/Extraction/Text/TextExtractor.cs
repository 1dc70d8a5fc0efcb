using System.Text.RegularExpressions;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// Reads chat messages and documents deterministically: elements and their aliases, flows between them, the data
/// they hold, and every control, deployment fact and practice the signals recognise, attributed to the element the
/// sentence is about. One instance reads one conversation in order, so "it" in a later message can mean the
/// component discussed just before, "the bridge" the <c>payroll-bridge</c> named earlier, and a plain "no" the
/// negative of the yes/no question just asked.
/// </summary>
public sealed partial class TextExtractor(Catalog catalog) : ISourceExtractor
{
    private readonly EntityRecognizer recognizer = new(catalog);
    private readonly Dictionary<string, int> mentionCounts = new(StringComparer.Ordinal);

    // The elements this conversation has named so far, by id: canonical name and kind (cheaper than asking the builder).
    private readonly Dictionary<string, (string Canonical, ElementKind Kind)> named = new(StringComparer.Ordinal);
    private string? topic;
    private string? pendingQuestion;

    public bool CanRead(SourceDocument source) => source.Kind is SourceKind.Message or SourceKind.Document;

    public void Extract(SourceDocument source, SystemModelBuilder builder)
    {
        var sentences = SentenceSplitter.Split(source.Text);
        if (source.Kind == SourceKind.Message && pendingQuestion is not null && NegativeAnswer().IsMatch(source.Text))
        {
            AddAnswer(pendingQuestion, source, builder);
        }

        foreach (var sentence in sentences)
        {
            var evidence = new Evidence(source.Id, SecretRedactor.Redact(sentence.Text));
            var mentions = ResolveMentions(sentence.Text, builder, evidence);
            AddFlows(sentence.Text, mentions, builder, evidence);
            AddData(sentence.Text, mentions, builder, evidence);
            AddFacts(sentence.Text, mentions, builder, evidence);
            UpdateTopic(mentions);
        }

        pendingQuestion = source.Kind == SourceKind.Message && sentences.Count > 0 && !sentences[^1].IsCode ? YesNoQuestion(sentences[^1].Text) : null;
    }

    /// <summary>
    /// "can we tell who published what?" answered "not really, ..." states "we can't tell who published what": the
    /// question turned into its negative is read like any sentence, quoted with the question and the answer.
    /// </summary>
    private void AddAnswer(string negated, SourceDocument answer, SystemModelBuilder builder)
    {
        var firstLine = answer.Text.Split('\n', 2)[0];
        var evidence = new Evidence(answer.Id, SecretRedactor.Redact($"{negated} ({firstLine.Trim()})"));
        var mentions = ResolveMentions(negated, builder, evidence);
        AddFacts(negated, mentions, builder, evidence);
    }

    /// <summary>The negative statement a yes/no question asks about ("can we X?" → "we can't X"); null for other sentences.</summary>
    internal static string? YesNoQuestion(string sentence)
    {
        var question = YesNo().Match(sentence.Trim());
        if (!question.Success || QuestionNegation().IsMatch(question.Value))
        {
            return null;
        }

        var auxiliary = question.Groups["aux"].Value.ToLowerInvariant();
        var negative = auxiliary switch { "can" => "can't", "will" => "won't", _ => auxiliary + "n't" };
        return $"{question.Groups["who"].Value} {negative} {question.Groups["rest"].Value}";
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

        // A reference to nothing named yet names nothing.
        Dictionary<Mention, string?>? referred = null;
        foreach (var reference in found.Where(m => m.IsReference))
        {
            (referred ??= [])[reference] = ReferredElement(reference.Name);
        }

        found.RemoveAll(m => m.IsReference && referred![m] is null);
        foreach (var mention in found)
        {
            if (mention.Name.Length == 0)
            {
                // A framework or runtime word: a technology of the nearest named component, or of the topic.
                var owner = found.Where(m => m.Name.Length > 0).MinBy(m => Math.Abs(m.Center - mention.Center));
                var ownerId = owner is null ? topic : owner.IsReference ? referred![owner] : builder.Resolve(owner.Name) ?? AddElement(builder, owner, evidence);
                if (ownerId is not null && mention.Technology is not null)
                {
                    builder.AddElement(builder.Find(ownerId)!.Name, builder.Find(ownerId)!.Kind, evidence, [mention.Technology], mention.Boundary);
                }

                continue;
            }

            var id = mention.IsReference ? referred![mention]! : AddElement(builder, mention, evidence);
            var element = builder.Find(id)!;
            named[id] = (named.TryGetValue(id, out var known) ? known.Canonical : ElementNames.Canonical(element.Name), element.Kind);
            resolved.Add(new ResolvedMention(id, mention.Start, mention.End, element.Kind));
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

    // "the bridge" is the component named with that word ("payroll-bridge", `pkgmirror`); when several are, the one
    // discussed most; when none is, the words name nothing.
    private string? ReferredElement(string head)
    {
        var word = ElementNames.Canonical(head);
        string? best = null;
        foreach (var (id, (name, kind)) in named)
        {
            if (kind is not (ElementKind.Actor or ElementKind.ExternalService) && name != word
                && (name.EndsWith("-" + word, StringComparison.Ordinal) || (!name.Contains('-') && name.EndsWith(word, StringComparison.Ordinal)))
                && (best is null || mentionCounts.GetValueOrDefault(id) > mentionCounts.GetValueOrDefault(best)))
            {
                best = id;
            }
        }

        return best;
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
        string? fallback = null, workloadFallback = null;
        bool? workloadWords = null;
        for (var i = 0; i < signals.Count; i++)
        {
            if (statements[i] is { } statement)
            {
                workloadWords ??= WorkloadCue().IsMatch(sentence);
                var subject = workloadWords.Value && AboutWorkload(sentence, statement)
                    ? SubjectAt(mentions.Where(m => m.Kind is not (ElementKind.DataStore or ElementKind.Queue)).ToList(), statement.Index) ?? (workloadFallback ??= Fallback(workload: true))
                    : SubjectAt(mentions, statement.Index) ?? (fallback ??= Fallback(workload: false));
                builder.AddFact(new Fact(signals[i].Key, signals[i].Kind, statement.State, subject, evidence, detail));
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
                return new Statement(FactState.Absent, absent.Index, absent.Length);
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
                    return new Statement(state, match.Index, match.Length);
                }
            }

            return new Statement(FactState.Absent, present.Index, present.Length);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern (e.g. from a user catalogue) loses this sentence, not the whole analysis.
            return null;
        }
    }

    // The element a statement is about: our own components first (threats are about what we build), the nearest one
    // named before the phrase, else after it; then an outside system named in the sentence; null when it names none.
    private static string? SubjectAt(List<ResolvedMention> mentions, int index) =>
        NearestOf(mentions.Where(m => m.Kind is not (ElementKind.Actor or ElementKind.ExternalService)).ToList(), index)
        ?? NearestOf(mentions.Where(m => m.Kind is ElementKind.ExternalService).ToList(), index);

    /// <summary>
    /// What a statement that names no element is about: the topic; for a statement about a running workload ("pods run
    /// as root", "containers are privileged"), when the topic is something that does not run (a bucket, a topic), the
    /// service discussed most.
    /// </summary>
    private string? Fallback(bool workload)
    {
        if (!workload || topic is null || !named.TryGetValue(topic, out var about) || about.Kind is not (ElementKind.DataStore or ElementKind.Queue))
        {
            return topic;
        }

        return mentionCounts.Where(c => named.TryGetValue(c.Key, out var element) && element.Kind == ElementKind.Service)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault() ?? topic;
    }

    // The words right around a statement, in its clause, say it is about something that runs: "pods run as root", "the
    // container is privileged". A data store or topic named in the sentence ("... and fuse-mount buckets") is then not its subject.
    private static bool AboutWorkload(string sentence, Statement statement)
    {
        var (clauseStart, clauseEnd) = StatementPolarity.ClauseAround(sentence, statement.Index, statement.Index + statement.Length);
        var start = Math.Max(clauseStart, statement.Index - 40);
        var end = Math.Min(clauseEnd, statement.Index + statement.Length + 40);
        return WorkloadCue().IsMatch(sentence.AsSpan(start, end - start));
    }

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

    // A yes/no question as the last clause of a message: "do we sign the webhooks?", "is there any rate limiting?".
    [GeneratedRegex(@"(?:^|(?<=[,;:]\s))(?<aux>can|do|does|did|is|are|was|were|has|have|will)\s+(?<who>we|they|you|it|there|(?:the\s+)?[\w-]+)\s+(?<rest>[^?]{3,120})\?+$", RegexOptions.IgnoreCase)]
    private static partial Regex YesNo();

    [GeneratedRegex(@"\b(?:not|no|never|without|none|nothing)\b|n['’]t\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionNegation();

    // A message that opens with a plain "no": "not really, ...", "nope.", "no —".
    [GeneratedRegex(@"^\s*(?:no|nope|nah|not really|not yet|not at all|not today|negative)\s*(?:[,.;:!—–]|\s-\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeAnswer();

    // Words about something that runs: a pod, a container, a process and how it runs.
    [GeneratedRegex(@"\b(?:pods?|containers?|processe?s?|sidecars?|daemonsets?|runs? as (?:root|uid|user)|privileged|host ?network|(?:cpu|gpu|memory) limits?|replicas?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkloadCue();

    [GeneratedRegex(@"(?<d>(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(?<![\w.])/[a-z0-9_{}*.:-]+(?:/[a-z0-9_{}*.:-]*)*)|`(?<d>[^`\s]{2,60})`", RegexOptions.IgnoreCase)]
    private static partial Regex DetailToken();

    private sealed record ResolvedMention(string Id, int Start, int End, ElementKind Kind);

    private sealed record Statement(FactState State, int Index, int Length);
}
