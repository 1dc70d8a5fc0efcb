using Vigil.Ingestion.Chunking;
using Vigil.Ingestion.Decoding;

namespace Vigil.Ingestion.Pipeline.Steps;

public sealed class ChunkStep(Chunker chunker) : IPipelineStep
{
    public const string StepName = "chunk";

    public string Name => StepName;

    public async Task<StepOutcome> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var decoded = await context.JsonOutputOfAsync<DecodeResult>(DecodeStep.StepName, cancellationToken);
        return new StepOutcome.Success(PipelineJson.Serialize(chunker.Split(decoded.Segments)));
    }
}
