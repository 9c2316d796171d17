namespace RetailSynth.Domain;

/// <summary>
/// All six dimensions of one dataset, in id order (ids are 1…N, contiguous). <see cref="Customers"/> holds the
/// identified customers 1…N only; the anonymous shopper (customer 0) is a fixed row written with them.
/// </summary>
public sealed record DimensionSet(
    IReadOnlyList<Geography> Geographies,
    IReadOnlyList<DistributionCenter> DistributionCenters,
    IReadOnlyList<Store> Stores,
    IReadOnlyList<Truck> Trucks,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Product> Products,
    FleetUtilisation Fleet);

/// <summary>
/// Expected truck utilisation (data-model §13.2): per temperature class Σ W_d / (24 h × trucks), and per DC
/// W_d / (24 h × (its assigned trucks of the class + the class's pool trucks × W_d / Σ W)). Reported at
/// dimension generation; above 0.7 it is a warning naming the fleet that would meet 0.7.
/// </summary>
public sealed record FleetUtilisation(
    double TotalTruckHoursPerDay, double Refrigerated, double Dry, int TrucksFor70Percent, IReadOnlyList<DcUtilisation> PerDc)
{
    public const double WarningThreshold = 0.7;

    public bool IsOverloaded => Refrigerated > WarningThreshold || Dry > WarningThreshold || PerDc.Any(d => d.IsOverloaded);
}

/// <summary>One DC's expected truck-hours per day (W_d) and utilisation per class.</summary>
public sealed record DcUtilisation(long DcId, double TruckHoursPerDay, double Refrigerated, double Dry)
{
    public bool IsOverloaded => Refrigerated > FleetUtilisation.WarningThreshold || Dry > FleetUtilisation.WarningThreshold;
}
