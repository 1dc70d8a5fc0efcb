using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Scoring;

namespace Vigil.ThreatModel.Rules;

/// <summary>Answers the questions rule conditions ask about one model.</summary>
internal sealed class RuleContext(SystemModel model)
{
    private readonly HashSet<string> presentKeys = model.Facts.Where(f => f.IsPresent).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    public SystemModel Model => model;

    public bool Satisfies(RuleConditions when, Element? subject)
    {
        // Conservative on purpose: a control stated anywhere in the design silences the rule about its absence.
        if (when.MissingControls.Any(presentKeys.Contains))
        {
            return false;
        }

        if (when.AllPractices.Any(k => !presentKeys.Contains(k)))
        {
            return false;
        }

        if (when.Kinds.Count > 0 && (subject is null || !when.Kinds.Contains(subject.Kind.ToString(), StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (when.Technologies.Count > 0 && (subject is null || !subject.Technologies.Any(t => when.Technologies.Contains(t, StringComparer.OrdinalIgnoreCase))))
        {
            return false;
        }

        if (when.Exposed is bool exposed && IsExposed(subject) != exposed)
        {
            return false;
        }

        return HoldsRequiredData(when, subject);
    }

    /// <summary>A control stated present on the same element (or for the whole system) outweighs a vaguer absence.</summary>
    public bool ControlStatedPresent(string key, string? subject) =>
        model.Facts.Any(f => f.Key == key && f.IsPresent && (f.Subject == subject || f.Subject is null));

    private bool IsExposed(Element? subject) =>
        subject is not null && (Reachability.IsExposed(model, subject.Id)
                                || model.Flows.Any(f => f.Target == subject.Id && model.FindElement(f.Source) is { } source && Reachability.IsUntrusted(source)));

    private bool HoldsRequiredData(RuleConditions when, Element? subject)
    {
        if (when.DataTags.Count == 0 && when.MinClassification is null)
        {
            return true;
        }

        var minimum = when.MinClassification is null ? Classification.Public : Enum.Parse<Classification>(when.MinClassification, ignoreCase: true);
        var relevant = subject is null ? model.Data : model.Data.Where(d => d.HeldBy.Contains(subject.Id) || d.HeldBy.Count == 0);
        return relevant.Any(d => d.Classification >= minimum && (when.DataTags.Count == 0 || d.Tags.Any(when.DataTags.Contains)));
    }
}
