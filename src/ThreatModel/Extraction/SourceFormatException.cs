namespace Vigil.ThreatModel.Extraction;

/// <summary>A source that cannot be read; the message names the source and the reason in one line.</summary>
public sealed class SourceFormatException(string sourceId, string reason, Exception? inner = null)
    : Exception($"{sourceId}: {reason}", inner)
{
    public string SourceId { get; } = sourceId;

    public string Reason { get; } = reason;
}
