using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Sources;

/// <summary>What a set of paths yielded: the sources to analyze, and the inputs that were skipped with the reason.</summary>
public sealed record LoadedInputs(IReadOnlyList<SourceDocument> Sources, IReadOnlyList<InputError> Errors);
