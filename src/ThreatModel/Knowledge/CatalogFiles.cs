using System.Reflection;

namespace Vigil.ThreatModel.Knowledge;

/// <summary>
/// The catalogue's YAML files: the embedded defaults, overlaid by a folder a security team controls.
/// A folder file with the same relative path replaces the embedded one; other folder files are added.
/// </summary>
public static class CatalogFiles
{
    private const string Prefix = "Catalog/";

    /// <summary>Relative path (e.g. <c>rules/web.yaml</c>) → YAML text.</summary>
    public static IReadOnlyDictionary<string, string> Load(string? overrideDirectory = null)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(CatalogFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            files[name[Prefix.Length..]] = ReadResource(assembly, name);
        }

        if (overrideDirectory is null)
        {
            return files;
        }

        if (!Directory.Exists(overrideDirectory))
        {
            throw new CatalogException(overrideDirectory, "catalog folder does not exist");
        }

        foreach (var path in Directory.EnumerateFiles(overrideDirectory, "*.yaml", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(overrideDirectory, "*.yml", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(overrideDirectory, path).Replace('\\', '/');
            files[relative] = File.ReadAllText(path);
        }

        return files;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
