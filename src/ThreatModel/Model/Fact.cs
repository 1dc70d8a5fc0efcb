namespace Vigil.ThreatModel.Model;

/// <summary>
/// One thing the design says: a control, a deployment fact or a practice, stated present, absent or planned.
/// </summary>
/// <param name="Key">Lexicon key such as <c>authentication</c>, <c>publicly-exposed</c>, <c>secret-in-source</c>.</param>
/// <param name="Subject">Element or flow id the fact is about; null when it is about the whole system.</param>
/// <param name="Detail">Optional specifics (the authentication kind, a lifetime, …).</param>
public sealed record Fact(
    string Key,
    FactKind Kind,
    FactState State,
    string? Subject,
    Evidence Evidence,
    string? Detail = null)
{
    public bool IsPresent => State == FactState.Present;
}
