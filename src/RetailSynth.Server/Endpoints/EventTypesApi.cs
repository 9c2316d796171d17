using RetailSynth.Engine.Events;
using RetailSynth.Server.Contracts;

namespace RetailSynth.Server.Endpoints;

/// <summary>GET /api/stream/event-types: the 18 event types of the stream, each with its payload keys and a link to its JSON Schema.</summary>
internal static class EventTypesApi
{
    public static void MapEventTypesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/stream/event-types", List).WithTags("Stream")
            .WithSummary("The 18 event types (events.md §1): source tables, partition key, payload keys and the link to each one's JSON Schema.");

    private static Ok<EventTypeInfo[]> List() => TypedResults.Ok(EventCatalog.TypeNames
        .Select(name =>
        {
            var definition = EventCatalog.Definition(name);
            return new EventTypeInfo(
                name,
                definition.Description,
                definition.SourceTables,
                definition.PartitionKey,
                [.. definition.Payload.Select(f => f.Name)],
                $"/api/schema/json-schema/{name}");
        })
        .ToArray());
}
