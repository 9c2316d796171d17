using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// The returns of one store on one business date (§11): time, returned lines and their disposition, all
/// drawn from rng(returns, local return date, store_id) over every return scheduled for that date in
/// ordinal order of the source id (sale receipt or online order). The plan is re-derived identically on each UTC day the business date touches.
/// </summary>
internal static class ReturnPlan
{
    public const int Restock = 0;
    public const int ReturnToVendor = 1;
    public const int Damaged = 2;

    public sealed record PlannedReturn(ScheduledReturn Scheduled, SaleForReturn Sale, DateTime Ts, IReadOnlyList<(SoldLine Line, int Disposition)> Lines);

    public static List<PlannedReturn> For(
        SimulationWorld world, StoreInfo store, BusinessDay business, IEnumerable<ScheduledReturn> scheduled, Func<string, SaleForReturn?> sales)
    {
        var due = scheduled.Where(r => r.ReturnDate == business.Date).OrderBy(r => r.SourceIdExt, StringComparer.Ordinal).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var stream = world.Random.Stream(RandomComponents.Returns, business.Date, store.Store.StoreId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var slots = new List<DateTime>();
        var weights = new List<double>();
        var weekend = DayFactors.IsWeekend(business.Date);
        for (var slot = business.Open; slot < business.Close; slot = slot.AddHours(1))
        {
            slots.Add(slot);
            weights.Add(HourlyCurve.Traffic(BusinessDay.LocalHourOf(store.Zone, slot), weekend));
        }

        // §11 Time: slot, then second, return by return; the dispositions follow once every time is drawn.
        var times = new DateTime[due.Count];
        for (var i = 0; i < due.Count; i++)
        {
            var slot = slots[stream.Categorical(weights.ToArray())];
            var slotEnd = slot.AddHours(1) < business.Close ? slot.AddHours(1) : business.Close;
            times[i] = slot.AddSeconds(stream.UniformInt(0, (int)(slotEnd - slot).TotalSeconds - 61));
        }

        var plan = new List<PlannedReturn>(due.Count);
        for (var i = 0; i < due.Count; i++)
        {
            var entry = due[i];
            var sale = sales(entry.SourceIdExt)
                ?? throw new InvalidOperationException($"Sale {entry.SourceIdExt} of a scheduled return was not loaded.");
            var lines = sale.Lines
                .Where(line => entry.LineNums.Contains(line.LineNum))
                .Select(line => (line, Disposition(stream, world.Products, (int)line.ProductId - 1)))
                .ToList();
            plan.Add(new PlannedReturn(entry, sale, times[i], lines));
        }

        return plan.OrderBy(r => r.Ts).ThenBy(r => r.Scheduled.SourceIdExt, StringComparer.Ordinal).ToList();
    }

    /// <summary>Refrigerated and food/beverage returns are written off; other goods: 60 % restock, 30 % to vendor, 10 % damaged.</summary>
    private static int Disposition(RandomStream stream, ProductTable products, int product)
    {
        if (products.Refrigerated[product] || products.Group[product] is MerchGroup.Food or MerchGroup.Beverages)
        {
            return Damaged;
        }

        return stream.Categorical([0.6, 0.3, 0.1]);
    }
}
