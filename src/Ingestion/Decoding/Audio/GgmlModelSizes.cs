using Whisper.net.Ggml;

namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>The model sizes Whisper.net can download, by the name used in their file names (<c>ggml-base.en.bin</c>).</summary>
public static class GgmlModelSizes
{
    private static readonly Dictionary<string, GgmlType> Types = new(StringComparer.Ordinal)
    {
        ["tiny"] = GgmlType.Tiny,
        ["tiny.en"] = GgmlType.TinyEn,
        ["base"] = GgmlType.Base,
        ["base.en"] = GgmlType.BaseEn,
        ["small"] = GgmlType.Small,
        ["small.en"] = GgmlType.SmallEn,
        ["medium"] = GgmlType.Medium,
        ["medium.en"] = GgmlType.MediumEn,
        ["large-v1"] = GgmlType.LargeV1,
        ["large-v2"] = GgmlType.LargeV2,
        ["large-v3"] = GgmlType.LargeV3,
        ["large-v3-turbo"] = GgmlType.LargeV3Turbo,
    };

    public static IReadOnlyCollection<string> Names => Types.Keys;

    public static string InvalidSizeMessage => $"Transcription:ModelSize must be one of {string.Join(", ", Names)}.";

    public static bool IsKnown(string? size) => size is not null && Types.ContainsKey(size);

    public static GgmlType TypeOf(string size) =>
        Types.TryGetValue(size, out var type) ? type : throw new ArgumentException(InvalidSizeMessage, nameof(size));

    public static string FileName(string size) => $"ggml-{size}.bin";
}
