using RetailSynth.Engine.Simulation.Calendar;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation;

/// <summary>
/// The day pipeline of data-model §8: 24 hour steps, each a single-threaded network phase (A) followed
/// by the stores in parallel (B), merged in store_id order. Pure: given the world, yesterday's state
/// and a day, it produces the day's facts and advances the state in memory; nothing is written here.
/// </summary>
public sealed class DaySimulator(SimulationWorld world, int maxDegreeOfParallelism)
{
    private readonly StoreDayCalendar _calendar = new(world.Random);
    private readonly BasketCatalog.Cache _catalogs = new(world.Products);

    public SimulationWorld World => world;

    /// <summary>Fresh simulator state for an empty database (§12.1 sizing, every truck free at the start).</summary>
    public SimulationState CreateInitialState()
    {
        var (stores, dcs) = Inventory.InventorySizing.Create(world);
        return new SimulationState
        {
            StoreStock = stores,
            DcStock = dcs,
            StoreRouteIds = world.StoreRouteIds,
            Trucks = world.Trucks.Select((t, i) => new TruckState(t.TruckId, world.StartInstant, world.TruckStartDcIds[i])).ToArray(),
        };
    }

    /// <summary>Simulates one UTC day and returns all of its facts (tests, benchmarks).</summary>
    public FactBatch Simulate(DateOnly day, SimulationState state, IReadOnlyDictionary<string, SaleForReturn> salesToReturn, CancellationToken cancellationToken)
    {
        var facts = new FactBatch();
        Run(day, state, salesToReturn, facts.AddRange, cancellationToken);
        return facts;
    }

    /// <summary>
    /// Simulates one UTC day, handing each hour's facts to <paramref name="emitHour"/> as soon as the hour is done.
    /// <paramref name="salesToReturn"/> holds the sales of the returns scheduled in the state (§11); the result
    /// lists the day's own sales that will be returned later.
    /// </summary>
    public IReadOnlyList<SaleForReturn> Run(
        DateOnly day, SimulationState state, IReadOnlyDictionary<string, SaleForReturn> salesToReturn, Action<FactBatch> emitHour, CancellationToken cancellationToken)
    {
        var network = new NetworkDaySimulator(world, state, day, _catalogs);
        var conversions = world.Stores.Select(_ => new List<PendingConversion>()).ToArray();
        var stores = world.Stores
            .Select(s => new StoreDaySimulator(world, s, state.StoreStock[s.Index], day, _calendar, _catalogs, state.ScheduledReturns, salesToReturn, conversions[s.Index]))
            .ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var snapshot = state.DcStock.Select(dc => new long[dc.OnHand.Length]).ToArray();

        for (var hour = 0; hour < 24; hour++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var networkHour = network.RunHour(hour);
            var facts = networkHour.Facts;
            if (hour == 0)
            {
                HandStoreConversionsToStores(state, conversions);
            }

            // Phase B reads DC stock from a snapshot taken after Phase A of this hour (§8).
            TakeSellableSnapshot(state, snapshot);
            var results = new StoreHourResult[stores.Length];
            var h = hour;
            Parallel.For(0, stores.Length, parallel, s => results[s] = stores[s].RunHour(h, networkHour.Credits[s], networkHour.Picks[s], snapshot));

            facts.AddRange([.. results.Select(r => r.Facts)]);
            foreach (var result in results)
            {
                state.OpenReorders.AddRange(result.Reorders);
                state.ScheduledReturns.AddRange(result.ScheduledReturns);
            }

            emitHour(facts);
        }

        // A return stays scheduled until its business date has closed: the date's plan is re-derived from it.
        var dayEnd = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        state.ScheduledReturns.RemoveAll(r =>
        {
            var store = world.Stores[r.StoreId - 1];
            return BusinessDay.LocalToUtc(store.Zone, r.ReturnDate, store.Store.CloseMinute) <= dayEnd;
        });

        // Unrealised store conversions go back to the state, in a canonical order.
        state.PendingConversions.AddRange(conversions.SelectMany(c => c));
        state.PendingConversions.Sort((a, b) => a.DueTs != b.DueTs ? a.DueTs.CompareTo(b.DueTs) : string.CompareOrdinal(a.JourneyId, b.JourneyId));

        _calendar.ForgetBefore(day.AddDays(-2));
        return [.. stores.SelectMany(s => s.SalesToReturn)];
    }

    /// <summary>
    /// DC sellable (on_hand − reserved) per product after Phase A: a plain loop, it runs every hour over every DC, into
    /// arrays reused for the whole day (a fresh copy each hour was 77 MB a day of large-object allocations on <c>large</c>).
    /// </summary>
    private static void TakeSellableSnapshot(SimulationState state, long[][] snapshot)
    {
        for (var d = 0; d < snapshot.Length; d++)
        {
            var dc = state.DcStock[d];
            var sellable = snapshot[d];
            for (var p = 0; p < sellable.Length; p++)
            {
                sellable[p] = dc.OnHand[p] - dc.Reserved[p];
            }
        }
    }

    /// <summary>Each store works through its own STORE conversions (sorted by due time) in Phase B, so stores stay independent.</summary>
    private static void HandStoreConversionsToStores(SimulationState state, List<PendingConversion>[] perStore)
    {
        var store = state.PendingConversions.Where(c => c.Target == PendingConversion.Store)
            .OrderBy(c => c.DueTs).ThenBy(c => c.JourneyId, StringComparer.Ordinal);
        foreach (var conversion in store)
        {
            perStore[conversion.StoreId!.Value - 1].Add(conversion);
        }

        state.PendingConversions.RemoveAll(c => c.Target == PendingConversion.Store);
    }
}
