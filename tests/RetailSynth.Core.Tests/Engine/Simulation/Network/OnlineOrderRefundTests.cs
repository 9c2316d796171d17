using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Core.Tests.Engine.Simulation.Network;

/// <summary>Customer cancellations (§15): the REFUNDED payment is written by the day that contains its event_ts.</summary>
public class OnlineOrderRefundTests
{
    [Fact]
    public void A_cancellation_in_the_last_second_of_a_day_is_refunded_by_the_next_day()
    {
        var options = SimulationFixture.Options();
        var world = new SimulationWorld(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);
        var catalogs = new BasketCatalog.Cache(world.Products);
        var state = new DaySimulator(world, 1).CreateInitialState();
        var day = new DateOnly(2024, 3, 12);
        var cancel = day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc);
        var dc = state.DcStock[0];
        dc.OnHand[0] = 10;
        dc.Reserved[0] = 2;
        var order = new OpenOrder
        {
            OrderIdExt = "ONL-20240312-000001",
            FulfillmentMode = "SHIP_FROM_DC",
            NodeType = "DC",
            NodeId = 1,
            PickedTs = cancel.AddHours(2),
            ShippedTs = cancel.AddHours(10),
            DeliveredTs = cancel.AddDays(2),
            CancelTs = cancel,
            NextStatus = OrderStatus.Cancelled,
            CustomerId = 1,
            TotalCents = 5_000,
            Tender = Tenders.Credit, // 1,500–4,000 ms of processing: the refund lands after midnight
            LastAttempt = 1,
            Lines = [(1L, 2)],
            CreatedTs = cancel.AddMinutes(-30),
            SoldLines = [new SoldLine(1, 1, 2, 2_500, new LineMoney(5_000, 0, 5_000, 0))],
        };
        state.OpenOrders.Add(order);

        var today = new NetworkDaySimulator(world, state, day, catalogs, ShopperPools.Build(world, state.Customers, day)).RunHour(23).Facts;

        Assert.Contains(today.OnlineOrderStatus, s => s.OrderIdExt == order.OrderIdExt && s.Status == "CANCELLED" && s.EventTs == cancel);
        Assert.DoesNotContain(today.Payments, p => p.OrderIdExt == order.OrderIdExt);
        Assert.Equal(0, dc.Reserved[0]);
        var pending = Assert.Single(state.OpenOrders, o => o.OrderIdExt == order.OrderIdExt);
        Assert.Equal(OrderStatus.Refunded, pending.NextStatus);
        Assert.Equal(day.AddDays(1), DateOnly.FromDateTime(pending.RefundTs!.Value));

        var tomorrow = new NetworkDaySimulator(world, state, day.AddDays(1), catalogs, ShopperPools.Build(world, state.Customers, day.AddDays(1))).RunHour(0).Facts;

        var refund = Assert.Single(tomorrow.Payments, p => p.OrderIdExt == order.OrderIdExt);
        Assert.Equal(("REFUNDED", -5_000L, 2, pending.RefundTs!.Value), (refund.Status, refund.AmountCents, refund.AttemptNum, refund.EventTs));
        Assert.DoesNotContain(tomorrow.OnlineOrderStatus, s => s.OrderIdExt == order.OrderIdExt);
        Assert.DoesNotContain(state.OpenOrders, o => o.OrderIdExt == order.OrderIdExt);
    }
}
