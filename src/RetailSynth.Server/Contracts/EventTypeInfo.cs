namespace RetailSynth.Server.Contracts;

/// <summary>One event type of GET /api/stream/event-types.</summary>
internal sealed record EventTypeInfo(
    string Name,
    string Description,
    string SourceTables,
    string PartitionKey,
    IReadOnlyList<string> PayloadFields,
    string Schema);
