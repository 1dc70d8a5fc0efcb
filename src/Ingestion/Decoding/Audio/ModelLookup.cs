namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Either the path of a usable model file, or why there is none.</summary>
public sealed record ModelLookup(string? Path, string? Problem)
{
    public static ModelLookup Found(string path) => new(path, null);

    public static ModelLookup Missing(string problem) => new(null, problem);
}
