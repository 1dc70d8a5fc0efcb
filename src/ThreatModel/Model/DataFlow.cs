namespace Vigil.ThreatModel.Model;

/// <summary>Data moving from one element to another.</summary>
/// <param name="Authentication">How the caller proves who it is, when stated ("hmac", "mtls", "none", …).</param>
/// <param name="Encrypted">True when the transport is stated encrypted, false when stated cleartext, null when unknown.</param>
public sealed record DataFlow(
    string Id,
    string Source,
    string Target,
    string? Protocol,
    IReadOnlyList<string> Data,
    string? Authentication,
    bool? Encrypted,
    IReadOnlyList<Evidence> Evidence);
