using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Index;

internal static class Scopes
{
    public static readonly ChunkScope General = new("T1", "general");
    public static readonly ChunkScope Security = new("T1", "security-private", PrivateChannel: true);
    public static readonly ChunkScope OtherWorkspace = new("T2", "general");

    public static readonly SearchScope AskedInGeneral = new("T1", "general");
    public static readonly SearchScope AskedInSecurity = new("T1", "security-private");
}
