namespace Vigil.ThreatModel.Model;

/// <summary>Where a fact came from: the source id (message, file, page) and the exact words it was read from.</summary>
public sealed record Evidence(string Source, string Quote);
