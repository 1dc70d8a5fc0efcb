namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>The words an operation is named with: its path segments (not parameters), its operationId, and optionally its summary.</summary>
internal static class OperationWords
{
    public static IEnumerable<string> OfPath(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => !segment.StartsWith('{'))
            .SelectMany(FieldWords.Split);

    public static IEnumerable<string> OfName(ApiOperation op) =>
        OfPath(op.Path).Concat(FieldWords.Split(op.Operation.OperationId));

    public static IEnumerable<string> OfNameAndSummary(ApiOperation op) =>
        OfName(op).Concat(FieldWords.Split(op.Operation.Summary));
}
