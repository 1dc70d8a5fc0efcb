using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.ThreatModel.Export;

/// <summary>Writes a score as a JSON number with exactly one decimal (<c>8.0</c>, not <c>8</c>).</summary>
internal sealed class OneDecimalJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Scores.Text(value), skipInputValidation: true);
}
