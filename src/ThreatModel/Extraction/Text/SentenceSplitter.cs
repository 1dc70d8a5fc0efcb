using System.Text.RegularExpressions;

namespace Vigil.ThreatModel.Extraction.Text;

/// <summary>
/// Splits chat and documents into sentences. Chat is written in lowercase with list items and code blocks, so lines
/// are boundaries, code lines stand alone, and a period ends a sentence unless it belongs to an abbreviation or a name.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase) { "e.g", "i.e", "etc", "vs", "approx", "incl", "no", "fig", "cf", "mr", "ms", "dr" };

    public static List<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var paragraph = new Paragraph();
        var inCode = false;
        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var lineStart = offset;
            offset += rawLine.Length + 1;
            var fences = FenceCount(line);
            if (fences > 0)
            {
                paragraph.FlushInto(sentences);
                var outside = line.Replace("```", " ");
                if (!string.IsNullOrWhiteSpace(outside))
                {
                    AddProse(sentences, outside, lineStart, inCode);
                }

                inCode ^= fences % 2 == 1;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                paragraph.FlushInto(sentences);
            }
            else if (inCode)
            {
                sentences.Add(new Sentence(line.Trim(), lineStart, IsCode: true));
            }
            else if (!paragraph.TryContinue(line))
            {
                paragraph.FlushInto(sentences);
                paragraph.Start(line, lineStart);
            }
        }

        paragraph.FlushInto(sentences);
        return sentences;
    }

    /// <summary>
    /// Prose hard-wrapped across lines ("this endpoint does not\nrequire a session") is one sentence: a line that does
    /// not end a sentence continues into a next line that does not start a list item, heading or table row.
    /// </summary>
    private sealed class Paragraph
    {
        private string? text;
        private int start;

        public void Start(string line, int lineStart) => (text, start) = (line, lineStart);

        public bool TryContinue(string line)
        {
            var trimmed = line.TrimStart();
            if (text is null || EndsSentence(text) || BlockStart().IsMatch(trimmed) || !(char.IsLower(trimmed[0]) || trimmed[0] is '(' or '`'))
            {
                return false;
            }

            text = $"{text.TrimEnd()} {trimmed}";
            return true;
        }

        public void FlushInto(List<Sentence> sentences)
        {
            if (text is not null)
            {
                AddProse(sentences, text, start, isCode: false);
                text = null;
            }
        }

        private static bool EndsSentence(string line) => line.TrimEnd() is var t && t.Length > 0 && t[^1] is '.' or '!' or '?' or ':' or ';';
    }

    private static void AddProse(List<Sentence> sentences, string line, int lineStart, bool isCode)
    {
        var start = 0;
        foreach (Match boundary in Boundary().Matches(line))
        {
            var candidate = line[start..boundary.Index];
            if (EndsWithAbbreviation(candidate))
            {
                continue;
            }

            Add(sentences, candidate, lineStart + start, isCode);
            start = boundary.Index + boundary.Length;
        }

        Add(sentences, line[start..], lineStart + start, isCode);
    }

    private static void Add(List<Sentence> sentences, string text, int start, bool isCode)
    {
        var trimmed = ListMarker().Replace(text.Trim(), "");
        if (trimmed.Length > 1)
        {
            sentences.Add(new Sentence(trimmed, start, isCode));
        }
    }

    private static bool EndsWithAbbreviation(string candidate)
    {
        var lastWord = LastWord().Match(candidate);
        return lastWord.Success && Abbreviations.Contains(lastWord.Value.TrimEnd('.'));
    }

    private static int FenceCount(string line)
    {
        var count = 0;
        for (var i = line.IndexOf("```", StringComparison.Ordinal); i >= 0; i = line.IndexOf("```", i + 3, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // ". " / "! " / "? " followed by more text; a period between digits or letters (1.2, appsettings.json) is not an end.
    [GeneratedRegex(@"(?<=[^\s.][.!?])\s+(?=\S)")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"[\w.]+\.?$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"^(?:[-*•]\s+|\d+[.)]\s+|>\s*)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:[-*•+]\s|\d+[.)]\s|#|\||>)")]
    private static partial Regex BlockStart();
}
