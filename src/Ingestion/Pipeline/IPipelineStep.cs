namespace Vigil.Ingestion.Pipeline;

/// <summary>
/// One named, idempotent step of ingestion. Running a step twice for the same item (after a crash, a retry) must
/// leave the same result as running it once. The order of steps is configuration (<c>Ingestion:Steps</c>).
/// </summary>
public interface IPipelineStep
{
    string Name { get; }

    Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken);
}
