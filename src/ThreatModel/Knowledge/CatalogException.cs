namespace Vigil.ThreatModel.Knowledge;

/// <summary>A catalogue file that cannot be used; the message names the file and what is wrong with it.</summary>
public sealed class CatalogException(string file, string reason, Exception? inner = null)
    : Exception($"{file}: {reason}", inner)
{
    public string File { get; } = file;
}
