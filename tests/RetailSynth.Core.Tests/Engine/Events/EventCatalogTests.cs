using System.Text.Json;
using RetailSynth.Engine.Events;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>
/// The event definition the schema kit generates from (<see cref="EventCatalog"/>) is the one the encoder writes:
/// every key of every event built on streamed days is in it, in order and of its kind, and nothing in it is missing
/// from the events; it also agrees with the frozen downstream tables and the shape test's list of events.md §6.
/// </summary>
public class EventCatalogTests(GeneratedEvents generated) : IClassFixture<GeneratedEvents>
{
    public static TheoryData<string> Types => [.. EventTypes.All];

    private static readonly string s_downstream = Path.Combine(AppContext.BaseDirectory, "Engine", "Events", "downstream");

    /// <summary>The catalog's kind in the words of <see cref="EventShape.AssertKind"/>.</summary>
    private static string ShapeKind(EventField field) => field.Kind switch
    {
        EventFieldKind.WholeNumber or EventFieldKind.WholeNumber32 => "integer",
        EventFieldKind.Money => "money",
        EventFieldKind.Text => "string",
        EventFieldKind.Timestamp => "timestamp",
        EventFieldKind.WholeNumbers => "integer[]",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "not a payload kind"),
    } + (field.Nullable ? "?" : string.Empty);

    [Fact]
    public void Every_key_the_encoder_writes_on_streamed_days_is_in_the_catalog_in_order_and_of_its_kind_and_vice_versa()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, root) in generated.All())
        {
            Assert.Equal(EventCatalog.Envelope.Select(f => f.Name), root.EnumerateObject().Select(p => p.Name));
            var type = root.GetProperty("event_type").GetString()!;
            var fields = EventCatalog.Payload(type);
            var payload = root.GetProperty("payload");
            Assert.Equal(fields.Select(f => f.Name), payload.EnumerateObject().Select(p => p.Name));
            foreach (var field in fields)
            {
                EventShape.AssertKind(payload.GetProperty(field.Name), ShapeKind(field), $"{type}.payload.{field.Name}");
            }

            foreach (var field in EventCatalog.Envelope.Where(f => f.Kind != EventFieldKind.Nested))
            {
                EventShape.AssertKind(root.GetProperty(field.Name), ShapeKind(field), field.Name);
            }

            seen.Add(type);
        }

        Assert.Equal(EventCatalog.TypeNames.Order(), seen.Order()); // all 18 were checked, not only the frequent ones
    }

    [Fact]
    public void Processing_time_ms_is_the_only_32_bit_key_and_stays_within_32_bits_on_streamed_days()
    {
        var narrow = EventCatalog.TypeNames.SelectMany(t => EventCatalog.Payload(t).Where(f => f.Kind == EventFieldKind.WholeNumber32).Select(f => $"{t}.{f.Name}"));
        Assert.Equal(["payment_processed.processing_time_ms"], narrow);
        Assert.All(
            generated.All().Where(e => e.Root.GetProperty("event_type").GetString() == EventTypes.PaymentProcessed),
            e => Assert.True(e.Root.GetProperty("payload").GetProperty("processing_time_ms").TryGetInt32(out _)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_catalog_gives_the_frozen_downstream_columns_paths_and_types(string type)
    {
        using var table = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_downstream, type + ".json")));
        var frozen = table.RootElement.GetProperty("columns").EnumerateArray()
            .Select(c => (c.GetProperty("column").GetString(), c.GetProperty("path").GetString(), c.GetProperty("type").GetString()));

        Assert.Equal(frozen, EventCatalog.Columns(type).Select(c => ((string?)c.Field.Column, (string?)c.Path, (string?)c.Field.KqlType)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_catalog_agrees_with_the_shape_tests_reading_of_events_md(string type)
    {
        Assert.Equal(PayloadSchema.Payloads[type], EventCatalog.Payload(type).Select(f => (f.Name, ShapeKind(f))));
        Assert.Equal(PayloadSchema.Envelope, EventCatalog.Envelope.Select(f => f.Name));
    }

    [Fact]
    public void An_unknown_type_name_has_no_payload()
    {
        Assert.Throws<UnknownEventTypeException>(() => EventCatalog.Payload("unknown_event"));
    }
}
