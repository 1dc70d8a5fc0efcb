using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>The JSON type of a schema as one word ("string", "object", …), ignoring a 3.1 "null" alternative.</summary>
internal static class SchemaTypeName
{
    private static readonly (JsonSchemaType Type, string Name)[] Names =
    [
        (JsonSchemaType.Object, "object"),
        (JsonSchemaType.Array, "array"),
        (JsonSchemaType.String, "string"),
        (JsonSchemaType.Integer, "integer"),
        (JsonSchemaType.Number, "number"),
        (JsonSchemaType.Boolean, "boolean"),
    ];

    public static string? Of(IOpenApiSchema schema)
    {
        if (schema.Type is { } type)
        {
            foreach (var (flag, name) in Names)
            {
                if (type.HasFlag(flag))
                {
                    return name;
                }
            }
        }

        return schema.Properties is { Count: > 0 } ? "object" : null;
    }

    public static bool IsInteger(IOpenApiSchema? schema) => schema?.Type is { } type && type.HasFlag(JsonSchemaType.Integer);
}
