using System.Text.Json;
using Vigil.Ingestion.Queue;

namespace Vigil.Ingestion.Pipeline;

/// <summary>The item a step works on and the outputs of the steps before it.</summary>
public sealed class PipelineContext(IngestionItem item, StepOutputs outputs)
{
    public IngestionItem Item => item;

    /// <summary>The output an earlier step produced; a step that needs it and finds none is misconfigured (its step is missing from the order).</summary>
    public async Task<byte[]> OutputOfAsync(string step, CancellationToken cancellationToken) =>
        await outputs.ReadAsync(item, step, cancellationToken)
        ?? throw new InvalidOperationException($"step '{step}' has not run for {item.Id}; check the order in Ingestion:Steps");

    public async Task<T> JsonOutputOfAsync<T>(string step, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<T>(await OutputOfAsync(step, cancellationToken), PipelineJson.Options)
        ?? throw new InvalidOperationException($"step '{step}' left an empty output for {item.Id}");
}
