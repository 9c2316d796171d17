namespace RetailSynth.Domain;

/// <summary>All six dimensions of one dataset, in id order (ids are 1…N, contiguous).</summary>
public sealed record DimensionSet(
    IReadOnlyList<Geography> Geographies,
    IReadOnlyList<DistributionCenter> DistributionCenters,
    IReadOnlyList<Store> Stores,
    IReadOnlyList<Truck> Trucks,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Product> Products,
    FleetUtilisation Fleet);

/// <summary>
/// Expected truck utilisation per temperature class (data-model §13.2): Σ W_d / (24 h × trucks).
/// Reported at dimension generation; above 0.7 it is a warning naming the fleet that would meet 0.7.
/// </summary>
public sealed record FleetUtilisation(double TotalTruckHoursPerDay, double Refrigerated, double Dry, int TrucksFor70Percent)
{
    public const double WarningThreshold = 0.7;

    public bool IsOverloaded => Refrigerated > WarningThreshold || Dry > WarningThreshold;
}
