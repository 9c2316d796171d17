using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>JSON type checks of events.md §2.2 shared by the shape, downstream and totality tests.</summary>
internal static partial class EventShape
{
    /// <summary>Asserts the envelope keys, the payload keys in §6 order and every value's JSON type and nullability.</summary>
    public static JsonDocument Check(ReadOnlyMemory<byte> body)
    {
        var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(PayloadSchema.Envelope, root.EnumerateObject().Select(p => p.Name));
        var type = root.GetProperty("event_type").GetString()!;
        Assert.True(PayloadSchema.Payloads.TryGetValue(type, out var schema), $"unknown event type {type}");
        var payload = root.GetProperty("payload");
        Assert.Equal(schema.Select(s => s.Key), payload.EnumerateObject().Select(p => p.Name));
        foreach (var (key, kind) in schema)
        {
            AssertKind(payload.GetProperty(key), kind, $"{type}.payload.{key}");
        }

        AssertKind(root.GetProperty("trace_id"), "string", "trace_id");
        Assert.Matches(UuidV5(), root.GetProperty("trace_id").GetString()!);
        AssertKind(root.GetProperty("ingest_timestamp"), "timestamp", "ingest_timestamp");
        Assert.Equal("1.0", root.GetProperty("schema_version").GetString());
        Assert.Equal("retailsynth", root.GetProperty("source").GetString());
        AssertKind(root.GetProperty("correlation_id"), "string?", "correlation_id");
        AssertKind(root.GetProperty("partition_key"), "string", "partition_key");
        AssertKind(root.GetProperty("session_id"), "string?", "session_id");
        AssertKind(root.GetProperty("parent_event_id"), "string?", "parent_event_id");
        if (root.GetProperty("parent_event_id").GetString() is { } parent)
        {
            Assert.Matches(UuidV5(), parent);
        }

        return document;
    }

    /// <summary>integer, money, string, timestamp or integer[]; a trailing ? admits null.</summary>
    public static void AssertKind(JsonElement value, string kind, string where)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.True(kind.EndsWith('?'), $"{where} is null but not nullable");
            return;
        }

        switch (kind.TrimEnd('?'))
        {
            case "integer":
                Assert.True(value.ValueKind == JsonValueKind.Number && Integer().IsMatch(value.GetRawText()), $"{where} = {value.GetRawText()} is not an integer");
                break;
            case "money":
                Assert.True(value.ValueKind == JsonValueKind.Number && Money().IsMatch(value.GetRawText()), $"{where} = {value.GetRawText()} is not money");
                break;
            case "string":
                Assert.True(value.ValueKind == JsonValueKind.String, $"{where} is not a string");
                break;
            case "timestamp":
                Assert.True(value.ValueKind == JsonValueKind.String && Timestamp().IsMatch(value.GetString()!), $"{where} = {value.GetRawText()} is not a timestamp");
                break;
            case "integer[]":
                Assert.Equal(JsonValueKind.Array, value.ValueKind);
                Assert.All(value.EnumerateArray(), v => AssertKind(v, "integer", where + "[]"));
                break;
            default:
                Assert.Fail($"{where}: unknown kind {kind}");
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)\.[0-9]{2}$")]
    private static partial Regex Money();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$")]
    private static partial Regex Timestamp();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV5();
}
