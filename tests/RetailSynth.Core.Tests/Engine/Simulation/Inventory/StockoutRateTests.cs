using RetailSynth.Engine.Simulation.Stores;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.Inventory;

/// <summary>Forecast-driven replenishment (§12) over a season: the store out-of-stock rate holds its band (realism R2).</summary>
public sealed class StockoutRateTests(ITestOutputHelper output)
{
    [Fact]
    public void Over_120_days_through_Black_Friday_and_Christmas_the_store_out_of_stock_rate_stays_between_2_and_10_percent_without_trend()
    {
        var start = new DateOnly(2024, 9, 1);
        const int Days = 120;
        var options = SimulationFixture.Options(start, stores: 4);
        var simulator = SimulationFixture.Simulator(options, threads: 2);
        var state = simulator.CreateInitialState();
        var products = simulator.World.Products;
        var sales = new Dictionary<string, SaleForReturn>();
        var rates = new List<double>();
        for (var d = 0; d < Days; d++)
        {
            var day = start.AddDays(d);
            var facts = simulator.Simulate(day, state, sales, CancellationToken.None);
            // Store sales and online orders alike: both can be returned at a store later (§11).
            foreach (var sale in SaleForReturn.FromFacts(facts))
            {
                sales[sale.ReceiptIdExt] = sale;
            }

            var launched = 0;
            var empty = 0;
            foreach (var stock in state.StoreStock)
            {
                for (var p = 0; p < products.Count; p++)
                {
                    if (products.IsLaunched(p, day))
                    {
                        launched++;
                        empty += stock.Sellable(p) <= 0 ? 1 : 0;
                    }
                }
            }

            rates.Add(empty / (double)launched);
        }

        output.WriteLine(string.Join(" ", rates.Select((r, i) => $"{start.AddDays(i):MM-dd}:{r:P1}")));
        var settled = rates.Skip(14).ToList(); // the first days start from full shelves
        var firstMonth = settled.Take(30).Average();
        var lastMonth = settled.TakeLast(30).Average();
        Assert.InRange(settled.Average(), 0.02, 0.10);
        // Four stores get their trucks on the same days, mostly every other day, so single days swing about ±3 points
        // around the mean (the delivery-day sawtooth real shelves have; see the output); realism's 10 % band is judged
        // on month ends, asserted here on the average and on weeks.
        Assert.All(settled, r => Assert.InRange(r, 0.0, 0.13));
        Assert.All(settled.Chunk(7), week => Assert.InRange(week.Average(), 0.002, 0.10)); // peak readiness orders every line: lower before Black Friday and Christmas
        Assert.True(lastMonth <= firstMonth + 0.02, $"first month {firstMonth:P1}, last month {lastMonth:P1}");
    }
}
