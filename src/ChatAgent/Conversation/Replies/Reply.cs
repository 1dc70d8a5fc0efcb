using System.Text.Json.Serialization;

namespace Vigil.ChatAgent.Conversation.Replies;

/// <summary>
/// What Vigil says, independent of the platform: blocks an adapter renders (Block Kit, Adaptive Card, HTML) and a
/// plain-text fallback for notifications. A long report also carries a file the adapter uploads next to a short message.
/// </summary>
public sealed record Reply(string Fallback, IReadOnlyList<ReplyBlock> Blocks, ReplyFile? File = null)
{
    public static Reply Say(string text) => new(text, [new Paragraph(text)]);
}

/// <summary>A file that goes with a reply: the full Markdown report, the diagram as PNG.</summary>
public sealed record ReplyFile(string Name, string Title, string MediaType, byte[] Content);

/// <summary>One piece of a reply. Text in blocks is plain: adapters escape it and apply their own emphasis.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(Heading), "heading")]
[JsonDerivedType(typeof(Paragraph), "paragraph")]
[JsonDerivedType(typeof(Note), "note")]
[JsonDerivedType(typeof(Preformatted), "pre")]
[JsonDerivedType(typeof(Bullets), "bullets")]
[JsonDerivedType(typeof(LinkLine), "link")]
[JsonDerivedType(typeof(FindingBlock), "finding")]
[JsonDerivedType(typeof(Divider), "divider")]
public abstract record ReplyBlock;

/// <summary>A short title line.</summary>
public sealed record Heading(string Text) : ReplyBlock;

/// <summary>A paragraph of plain text; line breaks are kept.</summary>
public sealed record Paragraph(string Text) : ReplyBlock;

/// <summary>Small print under a reply: counts, time of update, how to act.</summary>
public sealed record Note(string Text) : ReplyBlock;

/// <summary>Preformatted text (a Mermaid diagram, a command's syntax).</summary>
public sealed record Preformatted(string Text) : ReplyBlock;

/// <summary>A list of short lines (bullets).</summary>
public sealed record Bullets(IReadOnlyList<string> Items) : ReplyBlock;

/// <summary>A labelled link to something outside the reply (a thread, a report).</summary>
public sealed record LinkLine(string Label, string Url) : ReplyBlock;

/// <summary>A finding with why it scores as it does, how to fix it and where it was said.</summary>
/// <param name="Change">How it moved in a living summary; <see cref="FindingChange.None"/> in an answer.</param>
/// <param name="WithActions">Show the Mitigated / Accept risk / False positive buttons.</param>
public sealed record FindingBlock(FindingView Finding, FindingChange Change, bool WithActions) : ReplyBlock;

/// <summary>A visual break between parts of a reply.</summary>
public sealed record Divider : ReplyBlock;
