using System.ComponentModel.DataAnnotations;

namespace Vigil.Ingestion;

/// <summary>The <c>Ingestion</c> configuration section (decoder limits are in <see cref="Decoding.DecodeLimits"/>, same section).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>The pipeline, as step names in order.</summary>
    public string[] Steps { get; set; } = ["store", "decode", "chunk", "embed", "index", "model"];

    /// <summary>Items processed at the same time.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>Attempts before a transiently failing item becomes a dead letter.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubled on each attempt, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Back-pressure: callers wait while this many items are not yet processed.</summary>
    [Range(1, 10_000_000)]
    public int MaxPending { get; set; } = 10_000;

    /// <summary>A thread is re-analyzed once it has been quiet this long...</summary>
    public TimeSpan ModelQuietPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>...or at the latest this long after its first unanalyzed change.</summary>
    public TimeSpan ModelMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Folders whose specs and docs are ingested automatically.</summary>
    public List<WatchFolder> WatchFolders { get; set; } = [];
}

/// <summary>A folder Vigil watches, and where its files count as said.</summary>
public sealed class WatchFolder
{
    [Required]
    public string Path { get; set; } = "";

    /// <summary>The channel (or service name) its files are attributed to.</summary>
    [Required]
    public string Channel { get; set; } = "";

    public string Workspace { get; set; } = "local";
}
