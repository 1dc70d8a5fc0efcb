namespace Vigil.ThreatModel.Export;

/// <summary>Orders control ids as people read them: AC-2 before AC-10, 3.5.1 before 3.10, A.8.9 before A.8.24.</summary>
internal sealed class ControlIdComparer : IComparer<string>
{
    public static ControlIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (a, nextI) = Number(x, i);
                var (b, nextJ) = Number(y, j);
                var byNumber = CompareNumbers(a, b);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                (i, j) = (nextI, nextJ);
                continue;
            }

            var byChar = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
            if (byChar != 0)
            {
                return byChar;
            }

            (i, j) = (i + 1, j + 1);
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static (string Digits, int Next) Number(string s, int start)
    {
        var end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        return (s[start..end].TrimStart('0'), end);
    }

    private static int CompareNumbers(string a, string b)
    {
        var byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
    }
}
