namespace Vigil.Ingestion.Storage;

/// <summary>
/// The one shape of key every backend accepts, so a key that works on disk works in Azure and the reverse: segments of
/// ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c> joined by <c>/</c>. Nothing else is allowed, which is what
/// keeps <c>../</c>, absolute paths, drive letters and backslashes from ever reaching a file system.
/// </summary>
public static class BlobKeyRules
{
    // Azure's limit on a blob name; a disk path under the root stays well inside PATH_MAX at this length.
    public const int MaxKeyLength = 1024;

    // Leaves room under the 255-byte file name limit for the temporary name a disk write uses.
    public const int MaxSegmentLength = 200;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the key when it is not a valid blob key.</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Problem(key) is { } problem)
        {
            throw new ArgumentException($"Blob key '{key}' is not valid: {problem}.", nameof(key));
        }
    }

    /// <summary>A prefix is a key cut anywhere, so it may end in <c>/</c> or part-way through a segment; empty lists all.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        if (prefix.Length > 0 && Problem(trimmed) is { } problem)
        {
            throw new ArgumentException($"Blob key prefix '{prefix}' is not valid: {problem}.", nameof(prefix));
        }
    }

    public static bool IsValid(string key) => Problem(key) is null;

    private static string? Problem(string key)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"it is longer than {MaxKeyLength} characters";
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty segment (a leading, trailing or doubled '/')";
            }

            if (segment.Length > MaxSegmentLength)
            {
                return $"a segment is longer than {MaxSegmentLength} characters";
            }

            // Also rules out "." and ".."; names starting with '.' are the disk store's temporary files.
            if (segment[0] == '.')
            {
                return "a segment starts with '.'";
            }

            foreach (var c in segment)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                {
                    return $"'{c}' is not allowed (use ASCII letters, digits, '.', '_', '-' and '/' between segments)";
                }
            }
        }

        return null;
    }
}
