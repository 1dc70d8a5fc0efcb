using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Audio;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Sources;

/// <summary>Decodes the binary inputs of <c>vigil analyze</c> with the same decoders the pipeline uses.</summary>
public static class BinaryInputs
{
    public static async Task<LoadedInputs> DecodeAsync(LoadedInputs inputs, ContentDecoders decoders, CancellationToken cancellationToken)
    {
        var sources = inputs.Sources.ToList();
        var errors = inputs.Errors.ToList();
        foreach (var binary in inputs.Binaries)
        {
            var name = Path.GetFileName(binary.Path);
            try
            {
                var bytes = await File.ReadAllBytesAsync(binary.Path, cancellationToken);
                var decoded = await decoders.DecodeAsync(name, bytes, name, cancellationToken);
                if (decoded.Status == DecodeStatus.WaitingForTranscription)
                {
                    // Nothing waits in a one-shot analysis: say what is missing and how to enable it, not that it is kept.
                    var note = (decoded.Note ?? "not transcribed").Replace(AudioDecoder.KeptNote, "", StringComparison.Ordinal).Trim();
                    errors.Add(new InputError(binary.Path, note));
                }
                else if (decoded.Segments.Count == 0)
                {
                    errors.Add(new InputError(binary.Path, decoded.Note ?? "no text found"));
                }
                else
                {
                    sources.Add(new SourceDocument(name, decoded.Kind == SourceKind.OpenApi ? SourceKind.OpenApi : SourceKind.Document, decoded.Text, binary.Order));
                }
            }
            catch (UnreadableContentException e)
            {
                errors.Add(new InputError(binary.Path, e.Message));
            }
            catch (IOException e)
            {
                errors.Add(new InputError(binary.Path, $"cannot read: {e.Message}"));
            }
            catch (UnauthorizedAccessException)
            {
                errors.Add(new InputError(binary.Path, "permission denied"));
            }
        }

        return new LoadedInputs(sources.OrderBy(s => s.Order).ToList(), errors, []);
    }
}
