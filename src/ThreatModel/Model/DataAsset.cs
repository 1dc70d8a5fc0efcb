namespace Vigil.ThreatModel.Model;

/// <summary>A kind of data the system handles, how sensitive it is, and which elements or flows hold it.</summary>
/// <param name="Tags">pii, payment-card, health, credentials, keys, location, …</param>
public sealed record DataAsset(
    string Name,
    Classification Classification,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> HeldBy,
    IReadOnlyList<Evidence> Evidence);
