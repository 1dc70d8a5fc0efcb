namespace Vigil.Tests.Shared;

/// <summary>Finds the repository root (where ChatAgent.sln is) and the shared corpus next to it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string Reference => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatAgent.sln not found above the test binaries");
    }
}
