namespace Vigil.ThreatModel.Analysis;

/// <summary>A route an attacker can take from an untrusted entry point to a sensitive element.</summary>
/// <param name="Hops">Element ids from the entry point to the target, both included.</param>
/// <param name="Weaknesses">Short phrases for what makes each step easier ("no authentication on api → db").</param>
public sealed record AttackPath(
    string EntryPoint,
    string Target,
    IReadOnlyList<string> Hops,
    IReadOnlyList<string> Weaknesses,
    string TargetData);
