using System.Numerics.Tensors;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Index;

public sealed class Int8VectorsTests
{
    private static float[] UnitVector(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    [Theory]
    [InlineData(384)]
    [InlineData(37)]
    [InlineData(4)]
    public void The_byte_dot_product_is_within_a_hundredth_of_the_float_one(int dimensions)
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var x = UnitVector(random, dimensions);
            var y = trial % 10 == 0 ? x : UnitVector(random, dimensions);
            var qx = new sbyte[dimensions];
            var qy = new sbyte[dimensions];
            var sx = Int8Vectors.Quantize(x, qx);
            var sy = Int8Vectors.Quantize(y, qy);

            var approximate = Int8Vectors.Dot(qx, qy) * sx * sy;

            Assert.InRange(approximate - TensorPrimitives.Dot(x, y), -0.01f, 0.01f);
        }
    }
}
