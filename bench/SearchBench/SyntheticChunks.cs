using System.Numerics.Tensors;
using Vigil.Retrieval.Index;

namespace Vigil.Bench;

/// <summary>Chunks spread over channels (every fourth private) and threads of 20 messages, with unit random vectors and text of 12 words drawn from 16.</summary>
internal static class SyntheticChunks
{
    public const string Workspace = "T1";
    public const int Channels = 40;

    private static readonly string[] Words =
        ["webhook", "signature", "token", "bucket", "ingress", "kafka", "orders.v1", "tenant", "postgres", "jwt", "mqtt", "firmware", "export", "sftp", "admin", "oidc"];

    public static IEnumerable<IndexedChunk> Generate(int count, int dimensions)
    {
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var channel = i % Channels;
            var scope = new ChunkScope(Workspace, $"channel-{channel}", $"thread-{i / 20}", $"m{i}", PrivateChannel: channel % 4 == 3);
            var text = $"marker{i} " + string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]));
            yield return new IndexedChunk($"c{i}", $"item{i}", scope, "bench", text, UnitVector(random, dimensions));
        }
    }

    public static string CommonWord(int i) => Words[i % Words.Length];

    public static float[] UnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)(random.NextDouble() * 2 - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
