using System.Text;
using RetailSynth.Engine.Events;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>events.md §7.3: the §6 examples, unwrapped (golden/*.json), reproduced byte for byte from their source records.</summary>
public class GoldenVectorTests
{
    public static TheoryData<string> Types => [.. EventTypes.All];

    private static string Golden(string type) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Engine", "Events", "golden", type + ".json")).TrimEnd('\n');

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_example_is_reproduced_byte_for_byte_including_its_trace_id(string type)
    {
        var built = EventSamples.Single(EventSamples.Examples[type]);
        Assert.Equal(Golden(type), Encoding.UTF8.GetString(built.Body.Span));
        Assert.Equal(type, built.EventType);
    }

    [Fact]
    public void Receipt_created_example_is_reproduced_byte_for_byte()
    {
        var built = EventSamples.Single(EventSamples.Examples[EventTypes.ReceiptCreated]);
        Assert.Equal(Encoding.UTF8.GetBytes(Golden(EventTypes.ReceiptCreated)), built.Body);
        Assert.Equal("bf8e4fac-5489-51e3-a8be-2f9464905c89", built.EventId.ToString());
        Assert.Equal("store_3", built.PartitionKey);
        Assert.Equal(EventSamples.Journey, built.CorrelationId);
    }

    [Fact]
    public void Trace_ids_follow_the_row_keys_given_under_the_examples()
    {
        Assert.Equal("03853f33-18c4-5038-9175-f464e4b6a742", TraceIds.Compute(EventSamples.DatasetId, "inventory_updated", "STORE|3|81234"));
        Assert.Equal("7a903871-c923-5c89-b154-d396f5cb0fc9", TraceIds.Compute(EventSamples.DatasetId, "reorder_triggered", "RO-20240116-S003-0007"));
        Assert.Equal("330e9acb-cd82-503c-8b73-659cdf2f8e07", TraceIds.Compute(EventSamples.DatasetId, "customer_entered", "3|2024-01-15T17:00:00.000Z|ENTRANCE_MAIN"));
        Assert.Equal("aeed531a-4a19-51d3-97a3-0e03a073e583", TraceIds.Compute(EventSamples.DatasetId, "store_closed", "3|2024-01-15|CLOSED"));
    }

    [Fact]
    public void A_return_receipt_has_no_session_and_its_sale_as_parent()
    {
        var facts = new Domain.Facts.FactBatch();
        facts.Receipts.Add(new Domain.Facts.ReceiptFact(
            "RET-20240120-003-000004", EventSamples.Utc(2024, 1, 20, 16, 0, 0), 3, 4217, null, "RETURN", -1,
            new Domain.Facts.Money(-1000, 0, -1000, -66, -1066), "CREDIT", null, null, null, EventSamples.Receipt));
        var rank = 0L;
        var built = Assert.Single(new HourEventBuilder(EventSamples.DatasetId, EventSamples.StartDate).Build(facts, new DateOnly(2024, 1, 20), ref rank));
        var body = Encoding.UTF8.GetString(built.Body.Span);
        Assert.Contains("\"subtotal\":-10.00,\"tax\":-0.66,\"total\":-10.66", body, StringComparison.Ordinal);
        Assert.EndsWith("\"session_id\":null,\"parent_event_id\":\"bf8e4fac-5489-51e3-a8be-2f9464905c89\"}", body, StringComparison.Ordinal);
    }
}
