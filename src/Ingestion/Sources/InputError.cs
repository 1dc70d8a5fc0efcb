namespace Vigil.Ingestion.Sources;

/// <summary>An input that could not be read: which one and why, in words a user can act on.</summary>
public sealed record InputError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
