namespace Vigil.Ingestion.Decoding.Audio;

/// <param name="Explanation">When unavailable: why, and how to enable transcription, in words for the user.</param>
public sealed record TranscriptionAvailability(bool IsAvailable, string? Explanation)
{
    public static readonly TranscriptionAvailability Available = new(true, null);

    public static TranscriptionAvailability Unavailable(string explanation) => new(false, explanation);
}
