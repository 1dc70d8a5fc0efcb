using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Lists the properties of a schema: through $refs, nested objects, array items, maps and allOf/oneOf/anyOf,
/// each referenced schema once, to a bounded depth.
/// </summary>
internal static class SchemaFields
{
    private const int MaxDepth = 12;

    /// <param name="where">How inline properties are located, e.g. "POST /login".</param>
    /// <param name="seen">Referenced schemas already listed; share one set to list each component once across calls.</param>
    public static List<SchemaField> Of(IOpenApiSchema? root, string where, HashSet<IOpenApiSchema>? seen = null)
    {
        var fields = new List<SchemaField>();
        Walk(root, where + " ", owner: null, depth: 0, seen ?? new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance), fields);
        return fields;
    }

    private static void Walk(IOpenApiSchema? schema, string prefix, string? owner, int depth, HashSet<IOpenApiSchema> seen, List<SchemaField> fields)
    {
        if (schema is null || depth > MaxDepth)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            // Cycles (a Node with child Nodes) end here; an unresolved $ref has no target and nothing to list.
            if (reference.RecursiveTarget is not { } target || !seen.Add(target))
            {
                return;
            }

            schema = target;
            if (reference.Reference?.Id is { Length: > 0 } id)
            {
                prefix = id + ".";
                owner = id;
            }
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var location = prefix + name;
            fields.Add(new SchemaField(name, property, location, owner));
            Walk(property, location + ".", name, depth + 1, seen, fields);
        }

        Walk(schema.Items, prefix, owner, depth + 1, seen, fields);
        Walk(schema.AdditionalProperties, prefix, owner, depth + 1, seen, fields);
        foreach (var part in (schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            Walk(part, prefix, owner, depth + 1, seen, fields);
        }
    }
}
