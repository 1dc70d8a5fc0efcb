using Microsoft.Extensions.Options;
using Vigil.Ingestion.Queue;

namespace Vigil.Ingestion.Pipeline;

/// <summary>
/// Runs an item through the configured steps in order, skipping the ones it already finished, and stops at the first
/// step that does not succeed. Steps are looked up by name, so the order is configuration, not code.
/// </summary>
public sealed class IngestionPipeline
{
    private readonly IReadOnlyList<IPipelineStep> steps;
    private readonly StepOutputs outputs;

    public IngestionPipeline(IEnumerable<IPipelineStep> available, StepOutputs outputs, IOptions<IngestionOptions> options)
    {
        var byName = available.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        steps = options.Value.Steps.Select(name => byName.TryGetValue(name, out var step)
            ? step
            : throw new InvalidOperationException($"Ingestion:Steps names '{name}', which is not a step (known: {string.Join(", ", byName.Keys)})")).ToList();
        this.outputs = outputs;
    }

    public IReadOnlyList<string> StepNames => steps.Select(s => s.Name).ToList();

    public async Task<StepOutcome> RunAsync(IngestionItem item, CancellationToken cancellationToken)
    {
        var context = new PipelineContext(item, outputs);
        var finished = await outputs.FinishedAsync(item, cancellationToken);
        foreach (var step in steps.Where(s => !finished.Contains(s.Name)))
        {
            var outcome = await step.InvokeAsync(context, cancellationToken);
            if (outcome is not StepOutcome.Success success)
            {
                return outcome;
            }

            await outputs.SaveAsync(item, step.Name, success.Output, cancellationToken);
        }

        return StepOutcome.Done;
    }
}
