namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>The <c>Transcription</c> configuration section: which Whisper model turns voice notes into text.</summary>
public sealed record TranscriptionOptions
{
    public const string Section = "Transcription";

    /// <summary>
    /// <c>Transcription:ModelPath</c>: a Whisper ggml model file. When unset, <c>ggml-&lt;ModelSize&gt;.bin</c> is looked
    /// for in <c>&lt;Vigil:DataDir&gt;/models</c> and downloaded there if absent.
    /// </summary>
    public string? ModelPath { get; init; }

    /// <summary><c>Transcription:ModelSize</c>: one of <see cref="GgmlModelSizes.Names"/>, e.g. <c>base.en</c>.</summary>
    public string ModelSize { get; init; } = "base";

    /// <summary>
    /// <c>Transcription:Language</c>: a Whisper language code or <c>auto</c>. Unset means <c>en</c> for the English-only
    /// <c>.en</c> models (detection would only waste time) and <c>auto</c> otherwise.
    /// </summary>
    public string? Language { get; init; }

    public string EffectiveLanguage => Language ?? (ModelSize.EndsWith(".en", StringComparison.Ordinal) ? "en" : "auto");
}
