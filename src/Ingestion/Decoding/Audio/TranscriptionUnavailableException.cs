namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>No usable transcription model right now; the voice note is fine and waits for one.</summary>
public sealed class TranscriptionUnavailableException(string explanation, Exception? inner = null) : Exception(explanation, inner);
