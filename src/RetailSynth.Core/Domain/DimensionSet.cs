namespace RetailSynth.Domain;

/// <summary>
/// All six dimensions of one dataset or region, in id order (ids are 1…N, contiguous; r × 10⁸ + 1…N in region r > 0,
/// products excepted). <see cref="Customers"/> holds the identified customers only; the anonymous shopper (customer 0)
/// is a fixed row written with them.
/// </summary>
public sealed record DimensionSet(
    IReadOnlyList<Geography> Geographies,
    IReadOnlyList<DistributionCenter> DistributionCenters,
    IReadOnlyList<Store> Stores,
    IReadOnlyList<Truck> Trucks,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Product> Products,
    FleetReport Fleet)
{
    /// <summary>The region these dimensions belong to (scale-out §1); <see cref="Region.Whole"/> for a one-region dataset.</summary>
    public Region Region { get; init; } = Region.Whole;
}

/// <summary>
/// The DC fleet as dimension generation sized it (data-model §6.4), reported per DC and for the network's pool, with
/// the delivery routes it serves (§13.1). <paramref name="PoolStartDcIds"/> is where each POOL truck starts, in truck_id order.
/// </summary>
public sealed record FleetReport(IReadOnlyList<DeliveryRoute> Routes, IReadOnlyList<DcFleet> PerDc, IReadOnlyList<long> PoolStartDcIds)
{
    public int PoolTrucks => PoolStartDcIds.Count;

    public double TruckHoursPerDay => PerDc.Sum(d => d.TruckHoursPerDay);
}

/// <summary>
/// One DC's fleet: its stores and routes, expected trips a day Σ τ_r, expected truck-hours H_d, its own trucks A_d and
/// the expected utilisation H_d / (24 h × A_d), at most 1 / FleetHeadroom by construction.
/// </summary>
public sealed record DcFleet(long DcId, int Stores, int Routes, double TripsPerDay, double TruckHoursPerDay, int Trucks)
{
    public double Utilisation => Trucks == 0 ? 0 : TruckHoursPerDay / (24.0 * Trucks);
}
