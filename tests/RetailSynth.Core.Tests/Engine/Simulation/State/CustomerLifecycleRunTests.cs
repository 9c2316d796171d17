using System.Diagnostics;
using RetailSynth.Engine.Simulation.Stores;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.State;

/// <summary>Customer lifecycles over a third of a year (data-model §10.7, realism R12) on a reduced profile.</summary>
public class CustomerLifecycleRunTests(ITestOutputHelper output)
{
    private const int Days = 121;

    [Fact]
    public void Over_121_days_customers_lapse_new_ones_join_and_20_to_60_percent_buy_each_month()
    {
        // The small profile's ratio of customers to daily buyers (40,000 to ≈ 3,300 sales and 600 orders) on 4 stores.
        var options = SimulationFixture.Options(new DateOnly(2024, 1, 1), stores: 4);
        options.Customers = 3_500;
        options.Products = 400;
        options.OnlineOrdersPerDay = 55;
        options.MarketingImpressionsPerDay = 1_000;
        var simulator = SimulationFixture.Simulator(options);
        var world = simulator.World;
        var state = simulator.CreateInitialState();
        var activeAtStart = state.Customers.Active.ToArray();
        var sales = new Dictionary<string, SaleForReturn>();
        var purchases = new List<(long Customer, DateOnly Date)>();
        var watch = Stopwatch.StartNew();
        for (var d = 0; d < Days; d++)
        {
            var facts = simulator.Simulate(options.StartDate.AddDays(d), state, sales, CancellationToken.None);
            var cancelled = facts.OnlineOrderStatus.Where(s => s.Status == "CANCELLED").Select(s => s.OrderIdExt).ToHashSet();
            purchases.AddRange(facts.Receipts.Where(r => r.ReceiptType == "SALE" && r.CustomerId > 0).Select(r => (r.CustomerId, DateOnly.FromDateTime(r.EventTs))));
            purchases.AddRange(facts.OnlineOrderHeaders.Where(o => !cancelled.Contains(o.OrderIdExt)).Select(o => (o.CustomerId, DateOnly.FromDateTime(o.EventTs))));
            foreach (var sale in SaleForReturn.FromFacts(facts))
            {
                sales[sale.ReceiptIdExt] = sale;
            }
        }

        output.WriteLine($"{Days} days in {watch.Elapsed.TotalSeconds:F1} s, {purchases.Count} identified purchases");
        var end = options.StartDate.AddDays(Days - 1);

        // Nobody buys before enrolling (§19.11).
        Assert.All(purchases, p => Assert.True(world.Customers.JoinDate[p.Customer - 1] <= p.Date, $"customer {p.Customer} on {p.Date}"));

        // Monthly active share (R12) in every full month: customers with a purchase / customers enrolled by its end.
        for (var month = 1; month <= 4; month++)
        {
            var last = new DateOnly(2024, month, DateTime.DaysInMonth(2024, month));
            var buyers = purchases.Where(p => p.Date.Month == month).Select(p => p.Customer).Distinct().Count();
            var share = buyers / (double)world.Customers.EnrolledBy(last);
            output.WriteLine($"2024-{month:00}: {share:P1} of enrolled customers bought");
            Assert.InRange(share, 0.20, 0.60);
        }

        // Lapse: buyers of the first 31 days with no purchase in the last 90 (R12 measures it over 180 days, ≥ 10 %; over
        // 121 days only those who went dormant in about the first month count). Of the customers active at the start,
        // 1 − exp(−121 / 730) ≈ 15 % end an ACTIVE spell within the run.
        var cutoff = end.AddDays(-89);
        var early = purchases.Where(p => p.Date < options.StartDate.AddDays(31)).Select(p => p.Customer).ToHashSet();
        var late = purchases.Where(p => p.Date >= cutoff).Select(p => p.Customer).ToHashSet();
        var lapsed = early.Count(c => !late.Contains(c)) / (double)early.Count;
        var wentDormant = Enumerable.Range(0, activeAtStart.Length).Count(i => activeAtStart[i] && !state.Customers.Active[i])
            / (double)activeAtStart.Count(a => a);
        output.WriteLine($"lapsed {lapsed:P1} of {early.Count} early buyers; {wentDormant:P1} of the active customers went dormant");
        Assert.InRange(lapsed, 0.02, 0.50);
        Assert.InRange(wentDormant, 0.08, 0.25);

        // New customers: joined inside the horizon and bought (≈ 5 % of the base joins a year).
        var joinedAndBought = purchases.Select(p => p.Customer).Distinct()
            .Count(c => world.Customers.JoinDate[c - 1] >= options.StartDate);
        output.WriteLine($"{joinedAndBought} customers joined during the run and bought");
        Assert.True(joinedAndBought >= 15, $"{joinedAndBought} new buyers");
    }
}
