namespace RetailSynth.Domain;

// The six dimension rows of data-model §6. Money in cents, tax rates in units of 10⁻⁵.

public sealed record Geography(
    long GeographyId, string City, string State, string ZipCode, string District, string Region,
    double Latitude, double Longitude, string TimeZone, double PlacementWeight);

/// <summary>A DC at its hub geography (§6.2); <paramref name="RoadMilesToDcs"/> holds the road miles to every DC in dc_id order (0 to itself).</summary>
public sealed record DistributionCenter(
    long DcId, string DcNumber, string Address, long GeographyId, string TimeZone, double Latitude, double Longitude,
    IReadOnlyList<double> RoadMilesToDcs);

/// <summary>
/// A store (§6.3) at its own coordinates; <paramref name="NearestDcId"/> is its assigned DC (fewest road miles),
/// <paramref name="NeighborStoreIds"/> the other stores within 150 mi, ascending. The route columns (§13.1) are set by
/// route planning once demand is known, after placement.
/// </summary>
public sealed record Store(
    long StoreId, string StoreNumber, string Address, long GeographyId, double Latitude, double Longitude, string TimeZone, long TaxRateE5,
    string GeographyClass, string VolumeClass, string StoreFormat, string HoursClass, string OperatingHours,
    short OpenMinute, short CloseMinute, double DailyTrafficMultiplier, long NearestDcId, double DcRoadMiles,
    IReadOnlyList<long> NeighborStoreIds)
{
    /// <summary><c>R{dc:000}-{k:00}</c>: the store's delivery route.</summary>
    public string RouteId { get; init; } = "";

    /// <summary>1… the store's stop on its route.</summary>
    public short RouteStopSeq { get; init; }

    /// <summary>Road miles from the previous stop (stop 1: from the DC).</summary>
    public double RouteLegMiles { get; init; }

    /// <summary>Road miles from this store to each stop of its route, in stop order (0 to itself).</summary>
    public IReadOnlyList<double> RouteStopMiles { get; init; } = [];
}

/// <summary>A delivery route (§13.1): its stores in stop order and their expected units on an average day (U_r).</summary>
public sealed record DeliveryRoute(string RouteId, long DcId, IReadOnlyList<long> StoreIds, double ExpectedUnits);

public sealed record Truck(long TruckId, string LicensePlate, bool Refrigerated, string FleetType, long? DcId, int CapacityUnits);

/// <summary>
/// An identified (loyalty) customer 1…N of §6.5, ids in join order. Customer 0, the anonymous shopper, has no
/// attributes: <c>DimensionAppenders</c> writes its row of NULLs, and it is not part of <see cref="DimensionSet.Customers"/>.
/// </summary>
public sealed record Customer(
    long CustomerId, string FirstName, string LastName, string Address, long GeographyId, double Latitude, double Longitude,
    string Phone, string LoyaltyCard, string BleId, string AdId, string ShopperSegment, string MobilitySegment, bool BleOptIn,
    DateOnly JoinDate, long PrimaryStoreId, long? SecondaryStoreId);

public sealed record Product(
    long ProductId, string ProductName, string Brand, string Company, string Department, string Category,
    string Subcategory, string MerchGroup, long CostCents, long MsrpCents, long SalePriceCents,
    bool RequiresRefrigeration, string Taxability, DateOnly LaunchDate, double PopularityWeight, double DemandWeight,
    int CasePack, string SeasonProfile, string? Tags);
