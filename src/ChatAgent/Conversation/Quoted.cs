namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// People's own words repeated by Vigil (a reason, a question). Angle brackets become look-alikes, so nothing a
/// user typed can turn into a mention, a channel ping or a link when an adapter renders the reply; the words read the same.
/// </summary>
public static class Quoted
{
    public static string Text(string? words) =>
        (words ?? "").Replace('<', '‹').Replace('>', '›');
}
