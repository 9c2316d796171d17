namespace RetailSynth.Domain;

// The six dimension rows of data-model §6. Money in cents, tax rates in units of 10⁻⁵.

public sealed record Geography(
    long GeographyId, string City, string State, string ZipCode, string District, string Region,
    double Latitude, double Longitude, string TimeZone, double PlacementWeight);

public sealed record DistributionCenter(long DcId, string DcNumber, string Address, long GeographyId, string TimeZone);

public sealed record Store(
    long StoreId, string StoreNumber, string Address, long GeographyId, string TimeZone, long TaxRateE5,
    string GeographyClass, string VolumeClass, string StoreFormat, string HoursClass, string OperatingHours,
    short OpenMinute, short CloseMinute, double DailyTrafficMultiplier, long NearestDcId);

public sealed record Truck(long TruckId, string LicensePlate, bool Refrigerated, string FleetType, long? DcId, int CapacityUnits);

public sealed record Customer(
    long CustomerId, string FirstName, string LastName, string Address, long GeographyId, string Phone,
    string LoyaltyCard, string BleId, string AdId, string ShopperSegment, string MobilitySegment, bool BleOptIn,
    long PrimaryStoreId, long? SecondaryStoreId);

public sealed record Product(
    long ProductId, string ProductName, string Brand, string Company, string Department, string Category,
    string Subcategory, string MerchGroup, long CostCents, long MsrpCents, long SalePriceCents,
    bool RequiresRefrigeration, string Taxability, DateOnly LaunchDate, double PopularityWeight, string? Tags);
