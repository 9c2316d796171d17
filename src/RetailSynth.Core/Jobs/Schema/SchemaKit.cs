namespace RetailSynth.Jobs.Schema;

/// <summary>
/// The landing kit's documents, all generated from the one event definition the encoder is tested against
/// (<see cref="RetailSynth.Engine.Events.EventCatalog"/>). Pure: the same build always gives the same bytes.
/// </summary>
public static class SchemaKit
{
    /// <summary>The files <c>--out</c> writes for a kind.</summary>
    public static IReadOnlyList<SchemaDocument> Files(SchemaKind kind) => kind switch
    {
        SchemaKind.Kql => [KqlScript.Document()],
        SchemaKind.JsonSchema => EventJsonSchemas.Files(),
        SchemaKind.AsyncApi => [AsyncApiDocument.Document()],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown schema kind."),
    };

    /// <summary>The one document stdout and <c>GET /api/schema/{kind}</c> give: for JSON Schema, the bundle of every schema.</summary>
    public static SchemaDocument Combined(SchemaKind kind) => kind switch
    {
        SchemaKind.Kql => KqlScript.Document(),
        SchemaKind.JsonSchema => EventJsonSchemas.Bundle(),
        SchemaKind.AsyncApi => AsyncApiDocument.Document(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown schema kind."),
    };
}
