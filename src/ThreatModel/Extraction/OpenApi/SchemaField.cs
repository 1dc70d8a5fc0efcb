using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>A property found in a schema.</summary>
/// <param name="Name">The property name as written.</param>
/// <param name="Location">Where it is written: "CardInput.card_number" in a component, "POST /login password" inline.</param>
/// <param name="Owner">The component schema, or the object property, that holds it ("User", "billing").</param>
internal readonly record struct SchemaField(string Name, IOpenApiSchema Schema, string Location, string? Owner)
{
    public string? Type => SchemaTypeName.Of(Schema);
}
