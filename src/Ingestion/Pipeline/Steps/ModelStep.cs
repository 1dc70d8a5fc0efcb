using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Modeling;

namespace Vigil.Ingestion.Pipeline.Steps;

/// <summary>
/// Adds the item's text to its thread's design record and marks the thread for re-analysis. The analysis itself runs
/// in <see cref="ThreadModeler"/>, debounced, so a burst of 50 messages rebuilds the model once, not 50 times.
/// </summary>
public sealed class ModelStep(DesignRecords records) : IPipelineStep
{
    public const string StepName = "model";

    public string Name => StepName;

    public async Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var decoded = await context.JsonOutputOfAsync<DecodeResult>(DecodeStep.StepName, cancellationToken);
        await records.AppendAsync(context.Item, decoded, cancellationToken);
        return StepOutcome.Done;
    }
}
