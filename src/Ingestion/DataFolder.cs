using Microsoft.Extensions.Configuration;

namespace Vigil.Ingestion;

/// <summary><c>Vigil:DataDir</c>, read the same way by the host, the CLI commands and every store under it.</summary>
public static class DataFolder
{
    public const string Key = "Vigil:DataDir";
    public const string Default = ".data";

    public static string Of(IConfiguration configuration) => configuration[Key] is { Length: > 0 } configured ? configured : Default;
}
