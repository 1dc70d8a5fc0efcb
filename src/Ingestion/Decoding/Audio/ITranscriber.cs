namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Speech to text for converted voice notes. Transcription is optional: without a model it is off, and says why.</summary>
public interface ITranscriber
{
    /// <summary>Whether <see cref="TranscribeAsync"/> can run now; cheap once the model is found or a failure is remembered.</summary>
    Task<TranscriptionAvailability> GetAvailabilityAsync(CancellationToken cancellationToken);

    /// <exception cref="TranscriptionUnavailableException">No usable model.</exception>
    Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(PcmAudio audio, CancellationToken cancellationToken);
}
