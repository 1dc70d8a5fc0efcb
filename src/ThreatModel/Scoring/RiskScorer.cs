using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Scoring;

/// <summary>
/// Scores a finding the way a security engineer reads it: start from how bad the weakness is, then move up or down
/// with how reachable the element is (hops from an untrusted zone, authentication on the way) and how sensitive the
/// data it holds is. Says why in one sentence.
/// </summary>
public sealed class RiskScorer(SystemModel model)
{
    private readonly Reachability reachability = new(model);

    public Reachability Reachability => reachability;

    /// <param name="statedUnauthenticated">The finding itself is about missing authentication, whatever else the element offers.</param>
    public (double Score, Severity Severity, string Rationale) Score(Severity basis, string? elementId, bool statedUnauthenticated = false)
    {
        var score = basis switch
        {
            Severity.Critical => 9.0,
            Severity.High => 7.0,
            Severity.Medium => 5.0,
            _ => 3.0,
        };
        var reasons = new List<string>();

        if (elementId is not null && reachability.HasEntryPoints)
        {
            var hops = reachability.HopsTo(elementId);
            (score, var reason) = hops switch
            {
                0 => (score + 0.5, "an entry point itself"),
                1 => (score + 1.0, "internet-reachable in 1 hop"),
                2 => (score + 0.5, "reachable from an untrusted zone in 2 hops"),
                int h => (score, $"reachable from an untrusted zone in {h} hops"),
                null when IsInternalOnly(elementId) => (score - 1.0, "internal only"),
                // Chat rarely states every flow: an element with no stated path in is not proven unreachable.
                null => (score - 0.5, "internal (no stated path from an untrusted zone)"),
            };
            reasons.Add(reason);
        }

        var authentication = statedUnauthenticated ? FactState.Absent : elementId is null ? null : AuthenticationState(elementId);
        if (authentication == FactState.Present)
        {
            score -= 0.5;
            reasons.Add("authentication required");
        }
        else if (authentication is FactState.Absent or FactState.Planned)
        {
            score += 0.5;
            reasons.Add("no authentication");
        }

        var data = MostSensitiveData(elementId);
        if (data is not null)
        {
            score += data.Classification switch
            {
                Classification.Restricted => 1.0,
                Classification.Confidential => 0.5,
                Classification.Internal => 0.0,
                _ => -0.5,
            };
            reasons.Add($"{(data.HeldBy.Contains(elementId ?? "") ? "holds" : "handles")} {DataPhrase(data)}");
        }

        score = Math.Round(Math.Clamp(score, 0, 10), 1);
        var rationale = reasons.Count == 0 ? "scored on the weakness alone: the design states no exposure or data for it" : string.Join(", ", reasons);
        return (score, Band(score), char.ToUpperInvariant(rationale[0]) + rationale[1..] + ".");
    }

    public static Severity Band(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        _ => Severity.Low,
    };

    /// <summary>The most sensitive data the element holds, or that its direct neighbours hold when it holds none.</summary>
    public DataAsset? MostSensitiveData(string? elementId)
    {
        if (elementId is null)
        {
            return model.Data.MaxBy(d => d.Classification);
        }

        var own = model.Data.Where(d => d.HeldBy.Contains(elementId)).MaxBy(d => d.Classification);
        if (own is not null)
        {
            return own;
        }

        var neighbours = model.Flows.Where(f => f.Source == elementId).Select(f => f.Target)
            .Concat(model.Flows.Where(f => f.Target == elementId).Select(f => f.Source)).ToHashSet();
        return model.Data.Where(d => d.HeldBy.Any(neighbours.Contains)).MaxBy(d => d.Classification);
    }

    private bool IsInternalOnly(string elementId) =>
        model.Facts.Any(f => f.Key == "internal-only" && f.IsPresent && f.Subject == elementId);

    private FactState? AuthenticationState(string elementId) =>
        model.Facts.LastOrDefault(f => f.Key == "authentication" && f.Subject == elementId)?.State;

    private static string DataPhrase(DataAsset data)
    {
        var tag = data.Tags.FirstOrDefault();
        return tag switch
        {
            "payment-card" => "payment card data",
            "credentials" => "credentials",
            "health" => "health data",
            "pii" => "personal data",
            "keys" => "cryptographic keys",
            _ => $"{data.Classification.ToString().ToLowerInvariant()} data ({data.Name})",
        };
    }
}
