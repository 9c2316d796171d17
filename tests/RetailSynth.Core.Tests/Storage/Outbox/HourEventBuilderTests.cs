using RetailSynth.Core.Tests.Engine.Events;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Core.Tests.Storage.Outbox;

public class HourEventBuilderTests
{
    [Fact]
    public void A_recycled_hour_list_is_reused_and_holds_only_the_next_hour_s_events()
    {
        var builder = new HourEventBuilder(EventSamples.DatasetId, EventSamples.StartDate);
        var day = new DateOnly(2024, 1, 15);
        var rank = 0L;
        var first = builder.Build(Hour(EventTypes.ReceiptCreated, EventTypes.StoreOpened), day, ref rank);
        Assert.Equal(2, first.Count);
        var firstIds = first.Select(e => e.OutboxId).ToList();

        builder.Recycle(first);
        var second = builder.Build(Hour(EventTypes.StoreOpened), day, ref rank);
        Assert.Same(first, second);
        var only = Assert.Single(second);
        Assert.Equal(firstIds[^1] + 1, only.OutboxId); // the rank runs on: the reuse changes no id

        var third = builder.Build(Hour(EventTypes.StoreOpened), day, ref rank); // nothing recycled: a list of its own
        Assert.NotSame(second, third);
    }

    private static FactBatch Hour(params string[] types)
    {
        var facts = new FactBatch();
        foreach (var type in types)
        {
            EventSamples.Examples[type](facts);
        }

        return facts;
    }
}
