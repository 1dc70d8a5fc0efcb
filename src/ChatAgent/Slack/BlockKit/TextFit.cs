namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>Shortens text to a length limit with an ellipsis, without splitting a surrogate pair.</summary>
internal static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>Line breaks become spaces: for titles and quotes shown on one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        return Head(text, max - Ellipsis.Length).TrimEnd() + Ellipsis;
    }

    /// <summary>The first <paramref name="length"/> chars or one fewer, so that an emoji is never cut in half.</summary>
    public static string Head(string text, int length)
    {
        if (length <= 0)
        {
            return "";
        }

        if (length >= text.Length)
        {
            return text;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
