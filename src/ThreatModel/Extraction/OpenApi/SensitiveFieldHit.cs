namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>A sensitive field found in a spec: its name as written, what it is, and where it is written.</summary>
internal sealed record SensitiveFieldHit(string Name, SensitiveField Field, string Location);
