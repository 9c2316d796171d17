using RetailSynth.Domain.Facts;

namespace RetailSynth.Core.Tests.Simulation;

public class DaySimulatorTests
{
    private static List<DayFacts> Run(int days, int threads, DateOnly? start = null)
    {
        var options = SimulationFixture.Options(start);
        var simulator = SimulationFixture.Simulator(options, threads);
        var state = simulator.CreateInitialState();
        return Enumerable.Range(0, days).Select(d => simulator.Simulate(options.StartDate.AddDays(d), state, CancellationToken.None)).ToList();
    }

    [Fact]
    public void A_week_produces_store_activity_logistics_and_reorders()
    {
        var days = Run(7, threads: 2);
        var total = days.Sum(d => d.TotalRows);
        var all = new DayFacts();
        days.ForEach(all.AddRange);
        Console.WriteLine($"rows {total}: receipts {all.Receipts.Count} lines {all.ReceiptLines.Count} pay {all.Payments.Count} sinv {all.StoreInventoryTxns.Count} dcinv {all.DcInventoryTxns.Count} stockouts {all.Stockouts.Count} reorders {all.Reorders.Count} moves {all.TruckMoves.Count} tinv {all.TruckInventory.Count} foot {all.FootTraffic.Count} ble {all.BlePings.Count} zones {all.ZoneChanges.Count} promos {all.Promotions.Count} ops {all.StoreOps.Count}");
        Assert.NotEmpty(all.Receipts);
        Assert.NotEmpty(all.TruckMoves);
        Assert.Contains(all.TruckMoves, m => m.Status == "COMPLETED");
        Assert.Contains(all.StoreInventoryTxns, t => t.Reason == "INBOUND_SHIPMENT");
        Assert.Contains(all.DcInventoryTxns, t => t.Reason == "INBOUND_SHIPMENT");
    }
}
