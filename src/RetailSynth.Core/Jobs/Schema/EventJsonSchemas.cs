using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RetailSynth.Engine.Events;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Schema;

/// <summary>
/// JSON Schema 2020-12 documents generated from <see cref="EventCatalog"/>: one per event type (the whole envelope
/// with that type's payload, every key required, no other key allowed) and one for the envelope of any type.
/// </summary>
internal static class EventJsonSchemas
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private const string TimestampPattern = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$";
    private const string TraceIdPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    public static string Id(string name) => $"urn:retailsynth:events:{EventCatalog.SchemaVersion}:{name}";

    public static string FileName(string name) => name + ".schema.json";

    /// <summary>The envelope file first, then one file per event type in events.md §6 order.</summary>
    public static IReadOnlyList<SchemaDocument> Files() =>
    [
        new(FileName("envelope"), "application/schema+json", SchemaJson.Write(Envelope())),
        .. EventCatalog.TypeNames.Select(t => new SchemaDocument(FileName(t), "application/schema+json", SchemaJson.Write(ForType(t)))),
    ];

    /// <summary>
    /// Every schema in one compound document (2020-12 §9.3): each embedded under <c>$defs</c> with its own <c>$id</c>;
    /// the root accepts an event of any of the 18 types. This is what stdout and the API give.
    /// </summary>
    public static SchemaDocument Bundle()
    {
        var defs = new JsonObject { ["envelope"] = Envelope() };
        foreach (var type in EventCatalog.TypeNames)
        {
            defs[type] = ForType(type);
        }

        var bundle = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = Id("bundle"),
            ["title"] = "RetailSynth events",
            ["description"] = Describe("Any RetailSynth event; each event type's schema is under $defs with its own $id."),
            ["oneOf"] = new JsonArray([.. EventCatalog.TypeNames.Select(t => (JsonNode)new JsonObject { ["$ref"] = Id(t) })]),
            ["$defs"] = defs,
        };
        return new SchemaDocument("events.schema.json", "application/schema+json", SchemaJson.Write(bundle));
    }

    public static JsonObject ForType(string type)
    {
        var definition = EventCatalog.Definition(type);
        var schema = Resource(type, Describe($"{definition.Description} The {type} event (events.md §6): the envelope of §2.1 with this type's payload."));
        schema["properties"] = EnvelopeProperties(new JsonObject { ["const"] = type }, Payload(type), definition);
        schema["required"] = Names(EventCatalog.Envelope);
        schema["additionalProperties"] = false;
        return schema;
    }

    public static JsonObject Envelope()
    {
        var schema = Resource("envelope", Describe("The envelope every event shares (events.md §2.1); the payload is checked by the event type's own schema."));
        schema["properties"] = EnvelopeProperties(
            new JsonObject { ["enum"] = new JsonArray([.. EventCatalog.TypeNames.Select(t => (JsonNode)t)]) },
            new JsonObject { ["type"] = "object" });
        schema["required"] = Names(EventCatalog.Envelope);
        schema["additionalProperties"] = false;
        return schema;
    }

    /// <summary>The payload of one type as a plain schema (no <c>$schema</c>/<c>$id</c>), reused by the AsyncAPI document.</summary>
    public static JsonObject Payload(string type)
    {
        var fields = EventCatalog.Payload(type);
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.Name] = Field(field);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = Names(fields),
            ["additionalProperties"] = false,
        };
    }

    /// <summary>
    /// The ten envelope keys with the given schemas for <c>event_type</c> and <c>payload</c>; with one type's
    /// definition, <c>partition_key</c> is held to that type's patterns.
    /// </summary>
    public static JsonObject EnvelopeProperties(JsonObject eventType, JsonObject payload, EventDefinition? definition = null)
    {
        var properties = new JsonObject();
        foreach (var field in EventCatalog.Envelope)
        {
            properties[field.Name] = field.Name switch
            {
                "event_type" => eventType,
                "payload" => payload,
                "trace_id" => new JsonObject { ["type"] = "string", ["pattern"] = TraceIdPattern, ["description"] = "UUID v5 event id (events.md §3)" },
                "schema_version" => new JsonObject { ["const"] = EventCatalog.SchemaVersion },
                "source" => new JsonObject { ["const"] = EventCatalog.Source },
                "parent_event_id" => Nullable(new JsonObject { ["type"] = "string", ["pattern"] = TraceIdPattern }, field.Nullable),
                "partition_key" when definition is not null => PartitionKey(definition),
                _ => Field(field),
            };
        }

        return properties;
    }

    /// <summary>
    /// The partition key of one type (events.md §4): a regular expression made from its patterns, each payload key
    /// standing for digits (a whole number) or any text, and the patterns themselves in the description.
    /// </summary>
    public static JsonObject PartitionKey(EventDefinition definition) => new()
    {
        ["type"] = "string",
        ["pattern"] = PartitionKeyRegex(definition),
        ["description"] = $"partition key (events.md §4): {definition.PartitionKey}",
    };

    /// <summary><c>store_{store_id} or order_{order_id}</c> → <c>^(?:store_[0-9]+|order_.+)$</c>.</summary>
    public static string PartitionKeyRegex(EventDefinition definition)
    {
        // Regex.Escape escapes "{" (not "}"); the placeholders are put back before they are replaced.
        var alternatives = definition.PartitionKeys.Select(pattern => Regex.Replace(
            Regex.Escape(pattern).Replace(@"\{", "{", StringComparison.Ordinal),
            "{([a-z_]+)}",
            m => KindOf(definition, m.Groups[1].Value) == EventFieldKind.WholeNumber ? "[0-9]+" : ".+"));
        return $"^(?:{string.Join('|', alternatives)})$";
    }

    /// <summary>A placeholder's kind: the payload key's, or (receipt_line_added has no store_id) the same key's elsewhere.</summary>
    private static EventFieldKind KindOf(EventDefinition definition, string key) =>
        definition.Payload.Concat(EventCatalog.TypeNames.SelectMany(EventCatalog.Payload)).First(f => f.Name == key).Kind;

    /// <summary>
    /// The JSON shape of one key: events.md §2.2's JSON type for its kind, its closed set of values as <c>enum</c>, and
    /// null when the key is nullable.
    /// </summary>
    public static JsonObject Field(EventField field) => Values(Nullable(field.Kind switch
    {
        EventFieldKind.WholeNumber => new JsonObject { ["type"] = "integer" },
        EventFieldKind.WholeNumber32 => new JsonObject { ["type"] = "integer", ["minimum"] = int.MinValue, ["maximum"] = int.MaxValue },
        EventFieldKind.Money => new JsonObject { ["type"] = "number", ["description"] = "money: USD with exactly two fraction digits" },
        EventFieldKind.Text => new JsonObject { ["type"] = "string" },
        EventFieldKind.Timestamp => new JsonObject { ["type"] = "string", ["format"] = "date-time", ["pattern"] = TimestampPattern },
        EventFieldKind.WholeNumbers => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } },
        EventFieldKind.Nested => new JsonObject { ["type"] = "object" },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind."),
    }, field.Nullable), field);

    /// <summary>A closed vocabulary becomes <c>enum</c>; a nullable key's enum also holds null, or null would fail it.</summary>
    private static JsonObject Values(JsonObject schema, EventField field)
    {
        if (field.Values is { } values)
        {
            var allowed = new JsonArray([.. values.Select(v => (JsonNode)v)]);
            if (field.Nullable)
            {
                allowed.Add(null);
            }

            schema["enum"] = allowed;
        }

        return schema;
    }

    private static JsonObject Nullable(JsonObject schema, bool nullable)
    {
        if (nullable)
        {
            schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
        }

        return schema;
    }

    private static JsonObject Resource(string name, string description) => new()
    {
        ["$schema"] = Dialect,
        ["$id"] = Id(name),
        ["title"] = name,
        ["description"] = description,
        ["type"] = "object",
    };

    private static JsonArray Names(IEnumerable<EventField> fields) => new([.. fields.Select(f => (JsonNode)f.Name)]);

    public static string Describe(string what) =>
        $"{what} schema_version {EventCatalog.SchemaVersion}, model v{DatasetIdentity.ModelVersion}; generated by `retailsynth schema json-schema`.";
}
