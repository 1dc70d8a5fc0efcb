using System.Numerics.Tensors;

namespace Vigil.Retrieval.Tests.Index;

/// <summary>Deterministic unit vectors of MiniLM's 384 dimensions: the same seed gives the same vector on every run.</summary>
internal static class TestVectors
{
    public const int Dimensions = 384;

    public static float[] Random(int seed)
    {
        var random = new Random(seed);
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            // Box–Muller: Gaussian components make the direction uniform on the sphere.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return Normalise(vector);
    }

    /// <summary>A unit vector close to <paramref name="vector"/>: <paramref name="noise"/> of a random direction added.</summary>
    public static float[] Near(float[] vector, int seed, float noise)
    {
        var other = Random(seed);
        var mixed = new float[Dimensions];
        for (var i = 0; i < mixed.Length; i++)
        {
            mixed[i] = vector[i] + (noise * other[i]);
        }

        return Normalise(mixed);
    }

    private static float[] Normalise(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
