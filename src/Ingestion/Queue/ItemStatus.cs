namespace Vigil.Ingestion.Queue;

/// <summary>Where an item is in its life. Stored as the lowercase name.</summary>
public enum ItemStatus
{
    /// <summary>Accepted and waiting for a worker (or for its retry time).</summary>
    Queued,

    /// <summary>Leased by a worker of this process; reset to queued when the process starts again.</summary>
    Running,

    Done,

    /// <summary>A voice note kept until a transcription model is available.</summary>
    Waiting,

    /// <summary>Dead letter: failed for good; <see cref="IngestionItem.Reason"/> says why.</summary>
    Failed,
}
