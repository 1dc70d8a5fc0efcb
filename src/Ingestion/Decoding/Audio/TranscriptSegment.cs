namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>What was said between two moments of a voice note.</summary>
public sealed record TranscriptSegment(string Text, TimeSpan Start, TimeSpan End);
