using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// What a set of paths yielded: the sources to analyze, the inputs that were skipped with the reason, and the binary
/// files (images, audio, PDF, DOCX) still to be decoded (<see cref="BinaryInputs.DecodeAsync"/>).
/// </summary>
public sealed record LoadedInputs(IReadOnlyList<SourceDocument> Sources, IReadOnlyList<InputError> Errors, IReadOnlyList<BinaryInput> Binaries);

/// <param name="Order">Its place in the conversation: an attachment takes the order of the message that shared it.</param>
public sealed record BinaryInput(string Path, int Order);
