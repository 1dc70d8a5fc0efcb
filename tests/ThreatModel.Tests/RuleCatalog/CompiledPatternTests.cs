using System.Text.RegularExpressions;
using Vigil.ThreatModel.Knowledge;

namespace Vigil.ThreatModel.Tests.RuleCatalog;

/// <summary>
/// The host runs the catalogue's patterns compiled, the CLI interpreted; both must find the same matches. The .NET
/// regex compiler has crashed (IndexOutOfRangeException inside the generated matcher) on a pattern the interpreter
/// handles, an optional group followed by a lazy bounded loop such as <c>\bcheck(?:s|ed)? (?:the )?(?:\w+ ){0,4}?size</c>;
/// this guards every pattern against that class of bug on real design sentences.
/// </summary>
public sealed class CompiledPatternTests
{
    private static IEnumerable<(string Label, Regex Interpreted, Regex Compiled)> Patterns()
    {
        var interpreted = Catalog.Default;
        var compiled = Catalog.DefaultCompiled;
        for (var i = 0; i < interpreted.Signals.Count; i++)
        {
            if (interpreted.Signals[i].Present is { } present)
            {
                yield return ($"signal {interpreted.Signals[i].Key} (present)", present, compiled.Signals[i].Present!);
            }

            if (interpreted.Signals[i].Absent is { } absent)
            {
                yield return ($"signal {interpreted.Signals[i].Key} (absent)", absent, compiled.Signals[i].Absent!);
            }
        }

        for (var i = 0; i < interpreted.Terms.Count; i++)
        {
            yield return ($"term {interpreted.Terms[i].Element ?? interpreted.Terms[i].Technology}", interpreted.Terms[i].Pattern, compiled.Terms[i].Pattern);
        }

        for (var i = 0; i < interpreted.DataTerms.Count; i++)
        {
            yield return ($"data {interpreted.DataTerms[i].Name}", interpreted.DataTerms[i].Pattern, compiled.DataTerms[i].Pattern);
        }
    }

    [Fact]
    public void Every_pattern_matches_the_same_compiled_as_interpreted_and_never_throws()
    {
        var lines = DesignLines.Read(includeDesignDocs: true).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var broken = new List<string>();
        foreach (var (label, interpreted, compiled) in Patterns())
        {
            foreach (var line in lines)
            {
                var expected = interpreted.Match(line);
                try
                {
                    var actual = compiled.Match(line);
                    if (actual.Success != expected.Success || actual.Index != expected.Index)
                    {
                        broken.Add($"{label}: compiled {actual.Success}@{actual.Index}, interpreted {expected.Success}@{expected.Index} on \"{line}\"");
                        break;
                    }
                }
                catch (IndexOutOfRangeException)
                {
                    broken.Add($"{label}: the compiled pattern throws on \"{line}\"");
                    break;
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
        Assert.True(lines.Count > 1000, $"only {lines.Count} lines read");
    }
}
