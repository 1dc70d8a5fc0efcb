using Vigil.ChatAgent.Conversation.Replies;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

/// <summary>Reads a digest the way a person scans it: by section heading.</summary>
internal static class DigestReplies
{
    /// <summary>The blocks under <paramref name="heading"/>, up to the next heading or divider.</summary>
    public static IReadOnlyList<ReplyBlock> Section(this Reply reply, string heading)
    {
        var start = reply.Blocks.ToList().FindIndex(b => b is Heading h && h.Text == heading);
        Assert.True(start >= 0, $"no section \"{heading}\" in: {string.Join(" | ", reply.Blocks.OfType<Heading>().Select(h => h.Text))}");
        return [.. reply.Blocks.Skip(start + 1).TakeWhile(b => b is not Heading and not Divider)];
    }

    /// <summary>The section as text lines: paragraphs, bullets and link labels.</summary>
    public static IReadOnlyList<string> Lines(this Reply reply, string heading) =>
        [.. reply.Section(heading).SelectMany(b => b switch
        {
            Paragraph p => [p.Text],
            Bullets l => l.Items,
            LinkLine l => [l.Label],
            FindingBlock f => [$"{f.Finding.Id} {f.Finding.Title}"],
            _ => Array.Empty<string>(),
        })];

    public static string Trend(this Reply reply) => Assert.IsType<Paragraph>(reply.Blocks[1]).Text;
}
