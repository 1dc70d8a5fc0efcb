using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>How sensitive a field's data is and what kind of data it is (pii, payment-card, credentials, …).</summary>
public sealed record SensitiveField(Classification Classification, IReadOnlyList<string> Tags);
