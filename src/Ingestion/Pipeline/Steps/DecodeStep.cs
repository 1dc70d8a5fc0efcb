using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Queue;
using Vigil.Ingestion.Storage;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Pipeline.Steps;

/// <summary>Turns the stored bytes into text segments: messages as they are, files through the decoder for their content type.</summary>
public sealed class DecodeStep(JobQueue queue, IBlobStore blobs, ContentDecoders decoders) : IPipelineStep
{
    public const string StepName = "decode";

    public string Name => StepName;

    public async Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        var bytes = item.Kind == ItemKind.Message
            ? await queue.PayloadAsync(item, cancellationToken)
            : await blobs.GetAsync(BlobKey.ForHash(item.ContentHash), cancellationToken);
        if (bytes is null)
        {
            return new StepOutcome.TransientError("the item's bytes are neither in the inbox nor in the blob store");
        }

        DecodeResult result;
        if (item.Kind == ItemKind.Message)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            result = new DecodeResult(DecodeStatus.Decoded, SourceKind.Message, [new Segment(text, new SegmentOrigin(item.Source))]);
        }
        else
        {
            try
            {
                result = await decoders.DecodeAsync(item.Source, bytes, item.FileName, cancellationToken);
            }
            catch (UnreadableContentException e)
            {
                return new StepOutcome.FatalError(e.Message);
            }
        }

        return result.Status == DecodeStatus.WaitingForTranscription
            ? new StepOutcome.Waiting(result.Note ?? "waiting for transcription")
            : new StepOutcome.Success(PipelineJson.Serialize(result));
    }
}
