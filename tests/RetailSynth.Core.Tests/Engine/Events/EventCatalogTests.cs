using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    public void The_partition_key_of_every_streamed_event_is_one_of_its_types_patterns_filled_from_its_payload()
    {
        // receipt_line_added carries no store_id: its pattern's store is its receipt's.
        var receiptStores = generated.All().Where(e => e.Root.GetProperty("event_type").GetString() == EventTypes.ReceiptCreated)
            .Select(e => e.Root.GetProperty("payload"))
            .ToDictionary(p => p.GetProperty("receipt_id").GetString()!, p => p.GetProperty("store_id").GetInt64().ToString(CultureInfo.InvariantCulture));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (encoded, root) in generated.All())
        {
            var type = root.GetProperty("event_type").GetString()!;
            var payload = root.GetProperty("payload");
            var filled = EventCatalog.Definition(type).PartitionKeys
                .Select(pattern => Fill(pattern, key => payload.TryGetProperty(key, out var value)
                    ? value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
                        _ => value.GetString(),
                    }
                    : key == "store_id" ? receiptStores[payload.GetProperty("receipt_id").GetString()!] : throw new KeyNotFoundException($"{type} has no {key}")))
                .OfType<string>()
                .ToList();

            Assert.True(filled.Contains(encoded.PartitionKey), $"{type}: partition key {encoded.PartitionKey} is none of {string.Join(", ", filled)}");
            Assert.Equal(encoded.PartitionKey, root.GetProperty("partition_key").GetString());
            seen.Add(type);
        }

        Assert.Equal(EventCatalog.TypeNames.Order(), seen.Order());
    }

    [Fact]
    public void Every_value_of_a_closed_vocabulary_key_on_streamed_days_is_one_of_its_values_and_every_text_key_with_one_is_covered()
    {
        foreach (var (_, root) in generated.All())
        {
            var type = root.GetProperty("event_type").GetString()!;
            var payload = root.GetProperty("payload");
            foreach (var field in EventCatalog.Payload(type).Where(f => f.Values is not null))
            {
                var value = payload.GetProperty(field.Name);
                Assert.True(
                    (field.Nullable && value.ValueKind == JsonValueKind.Null) || field.Values!.Contains(value.GetString()),
                    $"{type}.payload.{field.Name} = {value.GetRawText()} is not one of {string.Join(", ", field.Values!)}");
            }
        }

        // The keys of events.md §6 whose values are a data-model §3.4 vocabulary; a new one must be added here and in the catalog.
        string[] expected =
        [
            "receipt_created.tender_type", "payment_processed.payment_method", "payment_processed.status", "payment_processed.decline_reason",
            "inventory_updated.reason", "reorder_triggered.priority", "customer_entered.zone", "customer_zone_changed.from_zone",
            "customer_zone_changed.to_zone", "ble_ping_detected.zone", "store_opened.operation_type", "store_closed.operation_type",
            "ad_impression.channel", "ad_impression.device_type", "promotion_applied.discount_type", "online_order_created.fulfillment_mode",
            "online_order_created.node_type", "online_order_created.tender_type", "online_order_picked.node_type",
            "online_order_picked.fulfillment_mode", "online_order_shipped.node_type", "online_order_shipped.fulfillment_mode",
        ];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            EventCatalog.TypeNames.SelectMany(t => EventCatalog.Payload(t).Where(f => f.Values is not null).Select(f => $"{t}.{f.Name}")).Order(StringComparer.Ordinal));
    }

    /// <summary><c>store_{store_id}</c> with each <c>{key}</c> replaced; null when a key has no value (the other pattern applies).</summary>
    private static string? Fill(string pattern, Func<string, string?> value)
    {
        var missing = false;
        var filled = Regex.Replace(pattern, "{([a-z_]+)}", m => value(m.Groups[1].Value) ?? (missing = true).ToString());
        return missing ? null : filled;
    }

    [Fact]
    public void An_unknown_type_name_has_no_payload()
    {
        Assert.Throws<UnknownEventTypeException>(() => EventCatalog.Payload("unknown_event"));
    }
}
