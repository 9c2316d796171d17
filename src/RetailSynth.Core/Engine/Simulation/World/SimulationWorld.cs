using NodaTime;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Reference;

namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// Everything the simulation reads but never changes: dimensions flattened into arrays indexed by id,
/// plus what is derived from them once (distances, pools, price-ordered product lists). Transcendental
/// values (distances) are computed here, once, as data-model §3.1 recommends.
/// </summary>
public sealed class SimulationWorld
{
    public SimulationWorld(SimulationOptions options, DimensionSet dimensions, ReferenceDictionaries dictionaries)
    {
        Options = options;
        Region = dimensions.Region;
        Random = new RandomHierarchy(options.Seed, Region.Index);
        Geographies = dimensions.Geographies;
        Products = new ProductTable(dimensions.Products);
        ReturnRates = new ReturnRates(Products);
        Stores = dimensions.Stores.Select((s, i) => new StoreInfo(s, TimeZones.Resolve(s.TimeZone), i)).ToArray();
        Dcs = dimensions.DistributionCenters.Select((d, i) => new DcInfo(d, TimeZones.Resolve(d.TimeZone), i)).ToArray();
        Customers = new CustomerTable(dimensions.Customers, Region);
        Trucks = dimensions.Trucks;
        Routes = dimensions.Fleet.Routes;
        StoreRouteIds = [.. dimensions.Stores.Select(s => s.RouteId)];
        var poolStarts = dimensions.Fleet.PoolStartDcIds;
        var pool = 0;
        TruckStartDcIds = [.. dimensions.Trucks.Select(t => t.FleetType switch
        {
            FleetTypes.DcAssigned => t.DcId,
            FleetTypes.Pool => poolStarts[pool++],
            _ => (long?)null,
        })];
        TaxRates = new TaxRateLookup(dictionaries.TaxRates);

        var geographyById = dimensions.Geographies.ToDictionary(g => g.GeographyId);
        StoreDcMiles = new double[Stores.Length][];
        StoreDcOrder = new int[Stores.Length][];
        for (var s = 0; s < Stores.Length; s++)
        {
            var from = geographyById[Stores[s].Store.GeographyId];
            StoreDcMiles[s] = Dcs.Select(d => Haversine.Miles(from, geographyById[d.Dc.GeographyId])).ToArray();
            var miles = StoreDcMiles[s];
            StoreDcOrder[s] = Enumerable.Range(0, Dcs.Length).OrderBy(d => miles[d]).ThenBy(d => d).ToArray();
        }

        GeographyDcOrder = new int[dimensions.Geographies.Count][];
        GeographyTaxRateE5 = new long[dimensions.Geographies.Count];
        foreach (var geography in dimensions.Geographies)
        {
            var miles = Dcs.Select(d => Haversine.Miles(geography, geographyById[d.Dc.GeographyId])).ToArray();
            GeographyDcOrder[IndexOf(geography.GeographyId)] = Enumerable.Range(0, Dcs.Length).OrderBy(d => miles[d]).ThenBy(d => d).ToArray();
            GeographyTaxRateE5[IndexOf(geography.GeographyId)] = TaxRates.RateE5(geography.State, geography.City);
        }

        NodeZones = new NodeZones(this);
        Replenishment = new Simulation.Planning.ReplenishmentPlan(this);
    }

    public SimulationOptions Options { get; }

    /// <summary>The region simulated (scale-out §1): its ids start above <see cref="Region.IdBase"/>.</summary>
    public Region Region { get; }

    /// <summary>
    /// The array index of a store, DC, customer, truck or geography id of this region (id − r × 10⁸ − 1): every array of
    /// the world and the state is indexed this way. Products keep product_id − 1.
    /// </summary>
    public int IndexOf(long id) => Region.IndexOf(id);
    public RandomHierarchy Random { get; }
    public IReadOnlyList<Domain.Geography> Geographies { get; }
    public ProductTable Products { get; }

    /// <summary>Per-product return probabilities of §11, from the department medians.</summary>
    public ReturnRates ReturnRates { get; }
    public StoreInfo[] Stores { get; }
    public DcInfo[] Dcs { get; }
    public CustomerTable Customers { get; }
    public IReadOnlyList<Truck> Trucks { get; }

    /// <summary>The delivery routes in route_id order (§13.1).</summary>
    public IReadOnlyList<DeliveryRoute> Routes { get; }

    /// <summary>Each store's route_id by store index.</summary>
    public IReadOnlyList<string> StoreRouteIds { get; }

    /// <summary>Where each truck starts, by truck index: its DC, a POOL truck's starting DC (§6.4), null for supplier trucks.</summary>
    public IReadOnlyList<long?> TruckStartDcIds { get; }
    public TaxRateLookup TaxRates { get; }

    /// <summary>The zone of every store, DC and customer home: the local labels of fact rows (§2.3).</summary>
    public NodeZones NodeZones { get; }

    /// <summary>Node lines and the expected demand that store and DC reviews plan from (§12.1).</summary>
    internal Simulation.Planning.ReplenishmentPlan Replenishment { get; }

    /// <summary>Haversine miles from store index to DC index.</summary>
    public double[][] StoreDcMiles { get; }

    /// <summary>DC indexes by distance from each store (ties by id).</summary>
    public int[][] StoreDcOrder { get; }

    /// <summary>DC indexes by distance from each geography (ties by id): online orders ship from the nearest DC that can.</summary>
    public int[][] GeographyDcOrder { get; }

    /// <summary>The §4 tax lookup on each geography's (state, city): online orders are taxed where the customer lives.</summary>
    public long[] GeographyTaxRateE5 { get; }

    public DateTime StartInstant => Options.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>A store with its zone and its array index in the world (<see cref="SimulationWorld.IndexOf"/> of its id).</summary>
public sealed record StoreInfo(Store Store, DateTimeZone Zone, int Index);

/// <summary>A DC with its zone and its array index in the world (<see cref="SimulationWorld.IndexOf"/> of its id).</summary>
public sealed record DcInfo(DistributionCenter Dc, DateTimeZone Zone, int Index);
