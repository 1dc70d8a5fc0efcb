using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Vigil.Retrieval.Index.Qdrant;

/// <summary>
/// <see cref="SearchScope.CanSee"/> as a Qdrant filter, so Qdrant itself never returns what the scope may not see:
/// must workspace = W; should (at least one) private = false or channel = C; with a thread, must channel = C and thread = T.
/// </summary>
public static class QdrantScopeFilter
{
    public static Filter For(SearchScope scope)
    {
        var filter = new Filter();
        filter.Must.Add(MatchKeyword(QdrantPayload.Workspace, scope.Workspace));
        filter.Should.Add(Match(QdrantPayload.Private, false));
        filter.Should.Add(MatchKeyword(QdrantPayload.Channel, scope.Channel));
        if (scope.Thread is { } thread)
        {
            filter.Must.Add(MatchKeyword(QdrantPayload.Channel, scope.Channel));
            filter.Must.Add(MatchKeyword(QdrantPayload.Thread, thread));
        }

        return filter;
    }
}
