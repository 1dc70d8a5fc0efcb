namespace Vigil.ThreatModel.Model;

public enum FactState
{
    Present,

    /// <summary>Stated as not there ("no auth", "we don't verify it").</summary>
    Absent,

    /// <summary>Intended but not done ("TODO: TLS", "will add rate limiting later"): treated as absent by rules.</summary>
    Planned,
}
