namespace Vigil.Ingestion.Sources;

/// <summary>The files of a folder that can be design inputs, in a stable order.</summary>
public static class DesignFolder
{
    // Build output, dependencies and evaluation answer keys are never design inputs.
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    public static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !IsIgnored(Path.GetRelativePath(folder, f)))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsIgnored(string relativePath) =>
        Path.GetFileName(relativePath).Equals("expected.json", StringComparison.OrdinalIgnoreCase)
        || relativePath.Split('/', '\\').SkipLast(1).Any(IgnoredFolders.Contains);
}
