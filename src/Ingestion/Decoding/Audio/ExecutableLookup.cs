namespace Vigil.Ingestion.Decoding.Audio;

/// <summary>Whether a tool can be started, answered without starting it: a path is checked, a bare name is searched on PATH.</summary>
internal static class ExecutableLookup
{
    public static bool Exists(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar) || executable.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(executable);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, executable)) || (OperatingSystem.IsWindows() && File.Exists(Path.Combine(dir, executable + ".exe"))));
    }
}
