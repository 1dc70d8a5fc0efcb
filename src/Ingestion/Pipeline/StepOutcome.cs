namespace Vigil.Ingestion.Pipeline;

/// <summary>How a step ended. Only <see cref="Success"/> lets the item go on to the next step.</summary>
public abstract record StepOutcome
{
    /// <param name="Output">What later steps read (segments, chunks, vectors), kept with the item.</param>
    public sealed record Success(byte[]? Output = null) : StepOutcome;

    /// <summary>Worth trying again later (a store or service briefly unavailable); retried with backoff.</summary>
    public sealed record TransientError(string Reason) : StepOutcome;

    /// <summary>Will never work (a corrupt file, a limit exceeded): the item becomes a dead letter with this reason.</summary>
    public sealed record FatalError(string Reason) : StepOutcome;

    /// <summary>Cannot go on yet (no transcription model): the item waits and is resumed later.</summary>
    public sealed record Waiting(string Reason) : StepOutcome;

    public static readonly StepOutcome Done = new Success();
}
