using RetailSynth.Engine.Calendar;
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

    /// <summary>Fresh simulator state for an empty database (§10.7 customer lifecycles, §12.1 sizing, every truck free at the start).</summary>
    public SimulationState CreateInitialState()
    {
        var (stores, dcs) = Inventory.InventorySizing.Create(world);
        return new SimulationState
        {
            StoreStock = stores,
            DcStock = dcs,
            Customers = CustomerLifecycle.Create(world),
            StoreRouteIds = world.StoreRouteIds,
            Region = world.Region,
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
        // Phase A of hour 00 begins with the lifecycle transitions and the day's shopper pools (§10.1, §10.7).
        state.Customers.ApplyTransitions(world, day);
        var shoppers = ShopperPools.Build(world, state.Customers, day);
        var network = new NetworkDaySimulator(world, state, day, _catalogs, shoppers);
        var conversions = world.Stores.Select(_ => new List<PendingConversion>()).ToArray();
        var stores = world.Stores
            .Select(s => new StoreDaySimulator(
                world, s, state.StoreStock[s.Index], day, _calendar, _catalogs, state.ScheduledReturns, salesToReturn, conversions[s.Index], shoppers))
            .ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };

        for (var hour = 0; hour < 24; hour++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var networkHour = network.RunHour(hour);
            var facts = networkHour.Facts;
            foreach (var onlineReturn in network.TakeOnlineReturns())
            {
                state.ScheduledReturns.Add(onlineReturn.Scheduled);
                stores[world.IndexOf(onlineReturn.Scheduled.StoreId)].AcceptOnlineReturn(onlineReturn);
            }

            if (hour == 0)
            {
                HandStoreConversionsToStores(state, conversions);
            }

            var results = new StoreHourResult[stores.Length];
            var h = hour;
            Parallel.For(0, stores.Length, parallel, s => results[s] = stores[s].RunHour(h, networkHour.Credits[s], networkHour.Picks[s]));

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
            var store = world.Stores[world.IndexOf(r.StoreId)];
            return BusinessDay.LocalToUtc(store.Zone, r.ReturnDate, store.Store.CloseMinute) <= dayEnd;
        });

        // Unrealised store conversions go back to the state, in a canonical order.
        state.PendingConversions.AddRange(conversions.SelectMany(c => c));
        state.PendingConversions.Sort((a, b) => a.DueTs != b.DueTs ? a.DueTs.CompareTo(b.DueTs) : string.CompareOrdinal(a.JourneyId, b.JourneyId));

        _calendar.ForgetBefore(day.AddDays(-2));
        return [.. stores.SelectMany(s => s.SalesToReturn)];
    }

    /// <summary>Each store works through its own STORE conversions (sorted by due time) in Phase B, so stores stay independent.</summary>
    private void HandStoreConversionsToStores(SimulationState state, List<PendingConversion>[] perStore)
    {
        var store = state.PendingConversions.Where(c => c.Target == PendingConversion.Store)
            .OrderBy(c => c.DueTs).ThenBy(c => c.JourneyId, StringComparer.Ordinal);
        foreach (var conversion in store)
        {
            perStore[world.IndexOf(conversion.StoreId!.Value)].Add(conversion);
        }

        state.PendingConversions.RemoveAll(c => c.Target == PendingConversion.Store);
    }
}
