using System.Text;
using RetailSynth.Core.Tests.Jobs.Streaming;
using RetailSynth.Jobs.Streaming;

namespace RetailSynth.Core.Tests.Storage.Outbox;

public class OutboxStoreTests
{
    [Fact]
    public async Task Rows_stored_out_of_outbox_order_still_leave_oldest_first()
    {
        // The lease reads without a sort, trusting that rows are stored in outbox order; rows stored otherwise
        // (here inserted in reverse) must be caught and read again sorted.
        await using var harness = new StreamingHarness(historyDays: 1);
        foreach (var id in new[] { 9, 8, 7, 6, 5 })
        {
            harness.Scalar(
                $$"""
                INSERT INTO streaming_outbox (outbox_id, event_id, event_ts, sim_day, event_type, partition_key, body, status, attempts)
                VALUES ({{id}}, '00000000-0000-5000-8000-00000000000{{id}}', TIMESTAMP '2024-01-01 10:00:00', DATE '2024-01-01',
                        'receipt_created', 'store_1', '{"n":{{id}}}', 'pending', 0)
                """);
        }

        await harness.StreamAsync(new StreamRequest(Days: 1));

        Assert.Equal(
            ["""{"n":5}""", """{"n":6}""", """{"n":7}""", """{"n":8}""", """{"n":9}"""],
            harness.Sink.Delivered.Select(e => Encoding.UTF8.GetString(e.Body.Span)));
    }
}
