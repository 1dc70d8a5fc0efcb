using Vigil.Ingestion.Queue;
using Vigil.Ingestion.Storage;

namespace Vigil.Ingestion.Pipeline.Steps;

/// <summary>
/// Moves a file's accepted bytes from the inbox to the blob store, under their content address. A message's text
/// stays in its inbox row, which is already durable: a blob (and a flush to disk) per chat message would cost more
/// than the message.
/// </summary>
public sealed class StoreStep(JobQueue queue, IBlobStore blobs) : IPipelineStep
{
    public const string StepName = "store";

    public string Name => StepName;

    public async Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (context.Item.Kind == ItemKind.Message)
        {
            return StepOutcome.Done;
        }

        var key = BlobKey.ForHash(context.Item.ContentHash);
        var payload = await queue.PayloadAsync(context.Item, cancellationToken);
        if (payload is null)
        {
            // Stored by an earlier run that died before recording the step.
            return await blobs.ExistsAsync(key, cancellationToken)
                ? StepOutcome.Done
                : new StepOutcome.FatalError("the item's bytes are neither in the inbox nor in the blob store");
        }

        await blobs.PutAsync(key, payload, cancellationToken);
        await queue.MarkStoredAsync(context.Item, key, cancellationToken);
        return StepOutcome.Done;
    }
}
