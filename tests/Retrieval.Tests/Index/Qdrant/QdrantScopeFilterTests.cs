using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Index.Qdrant;

namespace Vigil.Retrieval.Tests.Index.Qdrant;

/// <summary>
/// Without a Qdrant server, the scope filter is checked by evaluating it the way Qdrant documents filters (all of
/// <c>must</c>, at least one of a non-empty <c>should</c>, none of <c>must_not</c>; a keyword or bool match on a missing
/// field is false) against the payload the index really writes, for every combination of chunk and search scope.
/// </summary>
public sealed class QdrantScopeFilterTests
{
    private static readonly string[] Workspaces = ["acme", "globex"];
    private static readonly string[] Channels = ["general", "random", "secret"];
    private static readonly string?[] Threads = [null, "t1", "t2"];

    public static TheoryData<SearchScope> Scopes() =>
        new(from w in Workspaces from c in Channels from t in Threads select new SearchScope(w, c, t));

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_filter_admits_exactly_the_chunks_the_scope_can_see(SearchScope scope)
    {
        var filter = QdrantScopeFilter.For(scope);

        foreach (var chunk in from w in Workspaces from c in Channels from t in Threads from isPrivate in new[] { false, true } select new ChunkScope(w, c, t, "m1", isPrivate))
        {
            var payload = new MapField<string, Value>();
            QdrantPayload.Write(new IndexedChunk("id", "item", chunk, "source", "text", new float[] { 1 }), payload);

            Assert.True(scope.CanSee(chunk) == Matches(filter, payload), $"{scope} vs {chunk}: CanSee says {scope.CanSee(chunk)}");
        }
    }

    [Fact]
    public void The_filter_only_uses_indexed_payload_fields()
    {
        var filter = QdrantScopeFilter.For(new SearchScope("acme", "general", "t1"));

        var fields = filter.Must.Concat(filter.Should).Concat(filter.MustNot).Select(c => c.Field.Key).Distinct();

        Assert.All(fields, f => Assert.Contains(f, QdrantPayload.KeywordFields.Append(QdrantPayload.Private)));
    }

    private static bool Matches(Filter filter, MapField<string, Value> payload) =>
        filter.Must.All(c => Matches(c, payload))
        && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, payload)))
        && !filter.MustNot.Any(c => Matches(c, payload));

    private static bool Matches(Condition condition, MapField<string, Value> payload) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, payload),
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, payload),
        var other => throw new InvalidOperationException($"the scope filter is not expected to use {other} conditions"),
    };

    private static bool Matches(FieldCondition field, MapField<string, Value> payload)
    {
        if (!payload.TryGetValue(field.Key, out var value))
        {
            return false;
        }

        return field.Match.MatchValueCase switch
        {
            Match.MatchValueOneofCase.Keyword => value.KindCase == Value.KindOneofCase.StringValue && value.StringValue == field.Match.Keyword,
            Match.MatchValueOneofCase.Boolean => value.KindCase == Value.KindOneofCase.BoolValue && value.BoolValue == field.Match.Boolean,
            var other => throw new InvalidOperationException($"the scope filter is not expected to use {other} matches"),
        };
    }
}
