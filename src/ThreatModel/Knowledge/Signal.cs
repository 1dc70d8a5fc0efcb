using System.Text.RegularExpressions;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Knowledge;

/// <summary>
/// A compiled signal: one alternation of the phrases that state a fact present, and one of those that state it
/// absent outright. One regex per side keeps a 300-message thread to a few hundred scans per sentence.
/// </summary>
public sealed record Signal(string Key, FactKind Kind, Regex? Present, Regex? Absent);
