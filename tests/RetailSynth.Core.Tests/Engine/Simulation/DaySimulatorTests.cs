using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Simulation.Stores;

namespace RetailSynth.Core.Tests.Engine.Simulation;

public class DaySimulatorTests
{
    /// <summary>Simulates consecutive days in memory, handing the simulator every earlier sale as the return lookup.</summary>
    internal static List<FactBatch> Run(int days, int threads = 2, DateOnly? start = null, int stores = 6)
    {
        var options = SimulationFixture.Options(start, stores);
        var simulator = SimulationFixture.Simulator(options, threads);
        var state = simulator.CreateInitialState();
        var sales = new Dictionary<string, SaleForReturn>();
        var result = new List<FactBatch>();
        for (var d = 0; d < days; d++)
        {
            var facts = simulator.Simulate(options.StartDate.AddDays(d), state, sales, CancellationToken.None);
            foreach (var sale in SaleForReturn.FromFacts(facts))
            {
                sales[sale.ReceiptIdExt] = sale;
            }

            result.Add(facts);
        }

        return result;
    }

    private static FactBatch All(List<FactBatch> days)
    {
        var all = new FactBatch();
        days.ForEach(all.AddRange);
        return all;
    }

    [Fact]
    public void A_week_produces_store_activity_logistics_and_replenishment()
    {
        var all = All(Run(7));
        Assert.NotEmpty(all.Receipts);
        Assert.Contains(all.TruckMoves, m => m.Status == "COMPLETED");
        Assert.Contains(all.StoreInventoryTxns, t => t.Reason == "INBOUND_SHIPMENT");
        Assert.Contains(all.DcInventoryTxns, t => t.Reason == "INBOUND_SHIPMENT");
        Assert.Contains(all.DcInventoryTxns, t => t.Reason == "OUTBOUND_SHIPMENT");
        Assert.All(all.StoreInventoryTxns, t => Assert.True(t.Balance >= 0));
    }

    [Fact]
    public void Returns_come_back_on_a_later_day_as_negative_receipts_with_one_refund_each()
    {
        var all = All(Run(21, stores: 4));
        var returns = all.Receipts.Where(r => r.ReceiptType == "RETURN" && r.ReturnForOrderIdExt is null).ToList();
        Assert.NotEmpty(returns);
        var sales = all.Receipts.Where(r => r.ReceiptType == "SALE").ToDictionary(r => r.ReceiptIdExt);
        foreach (var ret in returns)
        {
            var sale = sales[ret.ReturnForReceiptIdExt!];
            Assert.True(ret.EventTs.Date > sale.EventTs.Date.AddHours(-12), $"{ret.ReceiptIdExt} not after {sale.ReceiptIdExt}");
            Assert.True(ret.Money.TotalCents < 0);
            var refund = Assert.Single(all.Payments, p => p.ReceiptIdExt == ret.ReceiptIdExt);
            Assert.Equal("REFUNDED", refund.Status);
            Assert.Equal(ret.Money.TotalCents, refund.AmountCents);
            Assert.True(refund.EventTs > ret.EventTs);
        }

        Assert.Contains(all.StoreInventoryTxns, t => t.Reason == "RETURN");
        Assert.Contains(all.StoreInventoryTxns, t => t.Reason == "DAMAGED");
    }

    [Fact]
    public void An_online_order_comes_back_at_a_store_after_its_delivery_refunded_to_its_tender()
    {
        var options = SimulationFixture.Options(stores: 4);
        var customers = RetailSynth.Engine.Dimensions.DimensionGenerator.Generate(options, SimulationFixture.Dictionaries).Customers
            .ToDictionary(c => c.CustomerId);
        var all = All(Run(21, stores: 4));
        var orders = all.OnlineOrderHeaders.ToDictionary(o => o.OrderIdExt);
        var orderLines = all.OnlineOrderLines.ToLookup(l => l.OrderIdExt);
        var delivered = all.OnlineOrderStatus.Where(s => s.Status == "DELIVERED").ToDictionary(s => s.OrderIdExt, s => s.EventTs);
        var returns = all.Receipts.Where(r => r.ReturnForOrderIdExt is not null).ToList();

        Assert.NotEmpty(returns);
        foreach (var ret in returns)
        {
            var order = orders[ret.ReturnForOrderIdExt!];
            Assert.Equal("RETURN", ret.ReceiptType);
            Assert.Null(ret.ReturnForReceiptIdExt);
            Assert.True(ret.EventTs > delivered[order.OrderIdExt], $"{ret.ReceiptIdExt} before {order.OrderIdExt} was delivered");
            var returningStore = order.FulfillmentMode == "BOPIS" ? order.NodeId : customers[order.CustomerId].PrimaryStoreId;
            Assert.Equal(returningStore, ret.StoreId);
            Assert.Equal(order.CustomerId, ret.CustomerId);
            Assert.Equal(order.TenderType, ret.TenderType);

            var refund = Assert.Single(all.Payments, p => p.ReceiptIdExt == ret.ReceiptIdExt);
            Assert.Equal(("REFUNDED", ret.Money.TotalCents, order.TenderType), (refund.Status, refund.AmountCents, refund.PaymentMethod));
            foreach (var line in all.ReceiptLines.Where(l => l.ReceiptIdExt == ret.ReceiptIdExt))
            {
                Assert.Contains(orderLines[order.OrderIdExt], l => l.ProductId == line.ProductId && l.Quantity == -line.Quantity && l.Money == line.Money.Negate());
            }
        }
    }

    [Fact]
    public void Header_money_equals_the_sum_of_its_lines()
    {
        var all = All(Run(3));
        var lines = all.ReceiptLines.ToLookup(l => l.ReceiptIdExt);
        Assert.All(all.Receipts, r =>
        {
            Assert.Equal(Money.Sum(lines[r.ReceiptIdExt].Select(l => l.Money)), r.Money);
            Assert.Equal(r.Money.GrossCents - r.Money.DiscountCents, r.Money.SubtotalCents);
            Assert.Equal(r.ItemCount, lines[r.ReceiptIdExt].Sum(l => l.Quantity));
        });
    }
}
