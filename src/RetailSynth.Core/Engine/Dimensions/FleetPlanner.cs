namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// dim_trucks (data-model §6.4): each DC's own fleet sized from the expected truck-hours of its routes with headroom
/// (at least one truck more than it has routes, so a queue is always served within a cycle, §13.2), a network pool
/// as a share of them, then the descriptive supplier fleet. Every DC and POOL truck is multi-temperature.
/// </summary>
internal static class FleetPlanner
{
    public const long PlateSpace = 26L * 26 * 26 * 10_000;

    /// <summary>A route expects at least 0.8 trips a day; trucks leave ≈ 90 % full.</summary>
    public const double MinTripsPerDay = 0.8;

    public const long PlannedDockWaitSeconds = (long)(17.5 * 60);
    public const double CycleMarginHours = 0.5;

    public static (List<Truck> Trucks, FleetReport Report) Plan(
        SimulationOptions options,
        IReadOnlyList<DistributionCenter> dcs,
        IReadOnlyList<Store> stores,
        IReadOnlyList<DeliveryRoute> routes,
        IReadOnlyList<double> expectedUnits,
        long licensePlateOffset)
    {
        var capacity = options.TruckCapacityUnits;
        var perDc = new List<DcFleet>(dcs.Count);
        foreach (var dc in dcs)
        {
            var trips = 0.0;
            var hours = 0.0;
            var dcRoutes = routes.Where(r => r.DcId == dc.DcId).ToList();
            foreach (var route in dcRoutes)
            {
                var tau = TripsPerDay(route.ExpectedUnits, capacity);
                trips += tau;
                hours += tau * PlannedCycleHours(route, stores, expectedUnits, capacity, tau);
            }

            var trucks = Math.Max(dcRoutes.Count + 1, (int)Math.Ceiling(hours * options.FleetHeadroom / 24));
            perDc.Add(new DcFleet(dc.DcId, stores.Count(s => s.NearestDcId == dc.DcId), dcRoutes.Count, trips, hours, trucks));
        }

        var poolCount = (int)Math.Ceiling((options.PoolTruckShare * perDc.Sum(d => d.Trucks)) - 1e-9);
        var poolPerDc = LargestRemainder.Distribute(poolCount, [.. perDc.Select(d => d.TruckHoursPerDay)]);
        var poolStarts = new List<long>(poolCount);
        for (var i = 0; i < dcs.Count; i++)
        {
            poolStarts.AddRange(Enumerable.Repeat(dcs[i].DcId, poolPerDc[i]));
        }

        var offset = licensePlateOffset;
        var list = new List<Truck>();
        void Add(bool refrigerated, string fleetType, long? dcId) =>
            list.Add(new Truck(list.Count + 1, LicensePlate(list.Count + 1, offset), refrigerated, fleetType, dcId, capacity));

        foreach (var dc in perDc)
        {
            AddMany(dc.Trucks, () => Add(true, FleetTypes.DcAssigned, dc.DcId));
        }

        AddMany(poolCount, () => Add(true, FleetTypes.Pool, null));
        AddMany(options.SupplierRefrigeratedTrucks, () => Add(true, FleetTypes.Supplier, null));
        AddMany(options.SupplierDryTrucks, () => Add(false, FleetTypes.Supplier, null));
        return (list, new FleetReport(routes, perDc, poolStarts));
    }

    /// <summary>τ_r = max(0.8, U_r / (0.9 × capacity)).</summary>
    public static double TripsPerDay(double routeUnits, int capacity) =>
        Math.Max(MinTripsPerDay, routeUnits / (RoutePlanner.FillTarget * capacity));

    /// <summary>
    /// c_r: SCHEDULED until the truck is back, for a trip of U_r / τ_r units split over the stops ∝ U_s, at trip factor
    /// 1.0, dock wait 17.5 min and unload factor 1.0, rests included, plus 0.5 h.
    /// </summary>
    public static double PlannedCycleHours(
        DeliveryRoute route, IReadOnlyList<Store> stores, IReadOnlyList<double> expectedUnits, int capacity, double tripsPerDay)
    {
        var ordered = route.StoreIds.Select(id => stores[(int)id - 1]).ToList();
        var tripUnits = (int)Math.Round(route.ExpectedUnits / tripsPerDay, MidpointRounding.AwayFromZero);
        var units = LargestRemainder.Distribute(tripUnits, [.. ordered.Select(s => expectedUnits[(int)s.StoreId - 1])]);
        return RoutePlanner.Timeline(ordered, units, capacity, 1.0, PlannedDockWaitSeconds, 1.0).CycleHours + CycleMarginHours;
    }

    /// <summary>3 letters + 4 digits of n = (id × 7919 + offset) mod 26³·10⁴: a bijection, hence unique.</summary>
    public static string LicensePlate(long truckId, long offset)
    {
        var n = ((truckId * 7919) + offset) % PlateSpace;
        var letters = n / 10_000;
        Span<char> plate = stackalloc char[7];
        plate[0] = (char)('A' + (letters / 676));
        plate[1] = (char)('A' + (letters / 26 % 26));
        plate[2] = (char)('A' + (letters % 26));
        (n % 10_000).TryFormat(plate[3..], out _, "0000");
        return new string(plate);
    }

    private static void AddMany(int count, Action add)
    {
        for (var i = 0; i < count; i++)
        {
            add();
        }
    }
}
