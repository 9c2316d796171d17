using RetailSynth.Engine.Events;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class EventTypesApiTests
{
    [Fact]
    public async Task Event_types_lists_the_18_types_in_catalog_order_each_with_a_schema_link_that_answers()
    {
        await using var server = await RunningServer.StartAsync();

        var types = await server.GetJsonAsync("/api/stream/event-types");

        Assert.Equal(EventCatalog.TypeNames, types.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var receipt = types[0];
        Assert.Equal("store_{store_id}", receipt.GetProperty("partition_key").GetString());
        Assert.Equal("fact_receipts", receipt.GetProperty("source_tables").GetString());
        Assert.Contains("receipt_id", receipt.GetProperty("payload_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("store_{store_id} or order_{order_id}", types[2].GetProperty("partition_key").GetString());
        Assert.Equal(EventCatalog.Definition("payment_processed").Description, types[2].GetProperty("description").GetString());
        foreach (var type in types.EnumerateArray())
        {
            var schema = await server.GetJsonAsync(type.GetProperty("schema").GetString()!);
            Assert.Equal(type.GetProperty("name").GetString(), schema.GetProperty("title").GetString());
        }
    }
}
