using System.Buffers;
using System.Text.RegularExpressions;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Knowledge;

/// <summary>
/// A compiled signal: one alternation of the phrases that state a fact present, and one of those that state it
/// absent outright. One regex per side keeps a 300-message thread to a few hundred scans per sentence; the anchors
/// (words every match starts with, when the patterns say so) let most sentences skip a side without running it.
/// </summary>
public sealed record Signal(string Key, FactKind Kind, Regex? Present, Regex? Absent,
    SearchValues<string>? PresentAnchors = null, SearchValues<string>? AbsentAnchors = null)
{
    /// <summary>True when the sentence might match: it contains an anchor word, or the side has no anchors.</summary>
    public static bool MayMatch(SearchValues<string>? anchors, string sentence) => anchors is null || sentence.AsSpan().ContainsAny(anchors);
}
