using Microsoft.Extensions.Logging;
using Vigil.Ingestion.Content;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>
/// Voice notes: converted to PCM (which also refuses corrupt and over-long recordings at once), then transcribed into
/// one segment per Whisper segment with its time span. Without a model or without ffmpeg the note is not lost: it comes
/// back as <see cref="DecodeStatus.WaitingForTranscription"/> with how to enable transcription, and the pipeline runs it
/// again once <see cref="IsAvailableAsync"/> says so.
/// </summary>
public sealed class AudioDecoder(IAudioConverter converter, ITranscriber transcriber, ILogger<AudioDecoder> logger) : IContentDecoder
{
    /// <summary>True of the pipeline, which keeps the item waiting; a one-shot `vigil analyze` drops it.</summary>
    public const string KeptNote = "The voice note is kept and transcribed once this is fixed.";

    public bool Supports(ContentType type) => type.Family == ContentFamily.Audio;

    /// <summary>Whether voice notes can be transcribed now; cheap after the first call (failures are remembered).</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        converter.IsInstalled && (await transcriber.GetAvailabilityAsync(cancellationToken).ConfigureAwait(false)).IsAvailable;

    public async Task<DecodeResult> DecodeAsync(DecodeRequest request, CancellationToken cancellationToken)
    {
        PcmAudio audio;
        try
        {
            audio = await converter.ConvertAsync(request.Bytes, request.Type, request.Limits.MaxAudioDuration, cancellationToken).ConfigureAwait(false);
        }
        catch (AudioToolMissingException e)
        {
            return Waiting(request.Source, e.Message);
        }

        using (audio)
        {
            var availability = await transcriber.GetAvailabilityAsync(cancellationToken).ConfigureAwait(false);
            if (!availability.IsAvailable)
            {
                return Waiting(request.Source, availability.Explanation ?? "no transcription model");
            }

            IReadOnlyList<TranscriptSegment> transcript;
            try
            {
                transcript = await transcriber.TranscribeAsync(audio, cancellationToken).ConfigureAwait(false);
            }
            catch (TranscriptionUnavailableException e)
            {
                return Waiting(request.Source, e.Message);
            }

            var segments = transcript
                .Select(s => new Segment(s.Text, new SegmentOrigin(request.Source, Start: s.Start, End: s.End)))
                .ToList();
            return segments.Count > 0
                ? DecodeResult.Document(segments)
                : new DecodeResult(DecodeStatus.Decoded, SourceKind.Document, [], Note: $"no speech was heard in the {AudioLength.Describe(audio.Duration)} voice note");
        }
    }

    private DecodeResult Waiting(string source, string why)
    {
        logger.LogInformation("Voice note {Source} waits for transcription: {Reason}", source, why);
        return new DecodeResult(DecodeStatus.WaitingForTranscription, SourceKind.Document, [], Note: $"Voice note not transcribed yet: {why.TrimEnd('.')}. {KeptNote}");
    }
}
