using System.Diagnostics;
using System.Globalization;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Sources;

namespace Vigil.Bench;

/// <summary>Which catalogue patterns cost the most on a long thread: where to look when the analysis gets slow.</summary>
internal static class SignalProfile
{
    public static void Print(IReadOnlyList<SourceDocument> thread, int top)
    {
        var catalog = Catalog.Default;
        var lines = thread.SelectMany(m => m.Text.Split('\n')).Where(l => l.Length > 0).ToList();
        var costs = new List<(string Name, double Ms)>();
        foreach (var signal in catalog.Signals)
        {
            foreach (var (side, regex) in new[] { ("present", signal.Present), ("absent", signal.Absent) })
            {
                if (regex is null)
                {
                    continue;
                }

                var watch = Stopwatch.StartNew();
                foreach (var line in lines)
                {
                    regex.IsMatch(line);
                }

                costs.Add(($"signal {signal.Key} ({side})", watch.Elapsed.TotalMilliseconds));
            }
        }

        foreach (var term in catalog.Terms.Cast<object>().Concat(catalog.DataTerms))
        {
            var (name, regex) = term switch
            {
                LexiconTerm t => ($"term {t.Element ?? t.Technology}", t.Pattern),
                DataTerm d => ($"data {d.Name}", d.Pattern),
                _ => throw new InvalidOperationException(),
            };
            var watch = Stopwatch.StartNew();
            foreach (var line in lines)
            {
                regex.IsMatch(line);
            }

            costs.Add((name, watch.Elapsed.TotalMilliseconds));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total pattern time over {lines.Count} lines: {costs.Sum(c => c.Ms):0} ms; slowest:"));
        foreach (var (name, ms) in costs.OrderByDescending(c => c.Ms).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.0} ms  {name}"));
        }
    }
}
