namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// The machine lacks a tool audio needs (ffmpeg). Unlike <see cref="UnreadableContentException"/> the file is fine:
/// it becomes readable once the tool is installed, so voice notes wait instead of being refused.
/// </summary>
public sealed class AudioToolMissingException(string message, Exception? inner = null) : Exception(message, inner);
