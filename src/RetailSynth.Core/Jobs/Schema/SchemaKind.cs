namespace RetailSynth.Jobs.Schema;

/// <summary>The documents of the schema kit: the Eventhouse/ADX script, the JSON Schemas, the AsyncAPI document.</summary>
public enum SchemaKind
{
    Kql,
    JsonSchema,
    AsyncApi,
}
